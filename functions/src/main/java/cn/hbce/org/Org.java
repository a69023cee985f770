package cn.hbce.org;

import java.time.Instant;

/** An organisation of the tree. {@code parentOrgId} is the parent department or, for units and bases, the supervisor. */
public record Org(
        String orgId,
        OrgType type,
        String name,
        String creditCode,
        String parentOrgId,
        OrgStatus status,
        String contactPhone,
        String regionCode,
        String address,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public boolean approved() {
        return status == OrgStatus.APPROVED;
    }

    public Org withInfo(String name, String contactPhone, String regionCode, String address, Instant now) {
        return new Org(orgId, type, name, creditCode, parentOrgId, status, contactPhone, regionCode, address,
                version + 1, createdAt, now);
    }
}
