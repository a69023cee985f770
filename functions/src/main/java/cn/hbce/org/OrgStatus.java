package cn.hbce.org;

public enum OrgStatus {
    PENDING, APPROVED, REJECTED
}
