package cn.hbce.org.subordinates;

/** An admin seat of a subordinate org, with personal data masked. */
public record SubordinateAdmin(String adminId, String personId, String name, String idCardMasked, String phone,
                               String roleId, boolean superAdmin, String status) {
}
