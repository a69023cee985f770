package cn.hbce.transfer;

import java.time.Instant;

/**
 * The person's side of a transfer: which org the person belongs to. Each write is conditional,
 * so the workflow may repeat it: a move happens only from the org the transfer started at, and
 * a move back only of the move this transfer made.
 */
public interface PersonMoves {

    enum Moved { MOVED, ALREADY_MOVED, NOT_AT_SOURCE }

    /** {@code fromOrgId} → {@code toOrgId}, marked with the transfer; NOT_AT_SOURCE when the person is elsewhere. */
    Moved move(String personId, String fromOrgId, String toOrgId, String transferId);

    /** Undoes this transfer's move, if it was made and is still in place; true when the person was moved back. */
    boolean moveBack(String personId, String fromOrgId, String toOrgId, String transferId);

    /** The person's own history of orgs (one entry per completed transfer; idempotent). */
    void recordHistory(String personId, String transferId, String fromOrgId, String toOrgId, Instant at);
}
