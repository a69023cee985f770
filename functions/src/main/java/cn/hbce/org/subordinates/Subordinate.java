package cn.hbce.org.subordinates;

import cn.hbce.common.validation.Phone;
import cn.hbce.org.OrgStatus;
import cn.hbce.org.OrgType;

/** An org directly under the caller's org, as 下属机构管理 lists it. */
public record Subordinate(String orgId, String name, OrgType type, OrgStatus status, String creditCode,
                          String contactPhone) {

    /** As lists show it: the contact phone masked like any phone. */
    public Subordinate masked() {
        return new Subordinate(orgId, name, type, status, creditCode, contactPhone == null ? null : Phone.mask(contactPhone));
    }
}
