package cn.hbce.org;

import java.time.Instant;

/** GET /v1/org. */
public record OrgView(String orgId, OrgType type, String name, String creditCode, String parentOrgId,
                      String parentName, OrgStatus status, String contactPhone, String regionCode, String address,
                      long version, Instant createdAt, Instant updatedAt) {

    public static OrgView of(Org org, String parentName) {
        return new OrgView(org.orgId(), org.type(), org.name(), org.creditCode(), org.parentOrgId(), parentName,
                org.status(), org.contactPhone(), org.regionCode(), org.address(), org.version(), org.createdAt(),
                org.updatedAt());
    }
}
