package cn.hbce.change;

/** Where a person's change request stands; a review that timed out counts as rejected (nothing changed). */
public enum ChangeStatus {
    PENDING, APPROVED, REJECTED
}
