package cn.hbce.account;

/** A person's admin seat in an org, with the role that grants its permissions. */
public record AdminMembership(
        String adminId,
        String orgId,
        String orgType,
        String personId,
        String roleId,
        boolean superAdmin,
        boolean disabled) {
}
