package cn.hbce.certificates;

/**
 * The person a certificate is issued to, as printed: name, masked ID number, the unit they belong
 * to now and its place in the org tree ({@code /root/…/unit/}, the prefix jurisdiction lists match).
 */
public record Holder(String personId, String name, String idCardMasked, String unitOrgId, String unitName,
                     String orgPath) {
}
