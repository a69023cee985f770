package cn.hbce.account;

public enum RegistrationStatus {
    PENDING, APPROVED, REJECTED
}
