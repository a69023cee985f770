package cn.hbce.org;

/** What registration forms need to pick an org. */
public record OrgSummary(String orgId, String name, OrgType type) {
}
