package cn.hbce.org;

import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.http.ApiError;
import cn.hbce.common.http.ErrorCode;
import cn.hbce.common.http.Principal;
import cn.hbce.common.http.RequestMeta;
import cn.hbce.common.validation.Fields;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** 本级机构管理 基本信息, and the public org lookup of registration forms. */
public final class OrgService {
    public static final int LOOKUP_LIMIT = 20;
    private final OrgRepository orgs;
    private final AuditLog audit;
    private final Clock clock;

    public OrgService(OrgRepository orgs, AuditLog audit, Clock clock) {
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
    }

    public OrgView own(Principal caller) {
        Org org = ownOrg(caller);
        return OrgView.of(org, parentName(org));
    }

    public record Edit(String name, String contactPhone, String regionCode, String address, Long version) {
    }

    /** A department (or HRSS) edits its info directly, guarded by {@code version}. */
    public OrgView edit(Principal caller, Edit edit, RequestMeta meta) {
        Fields f = new Fields();
        f.require("version", edit.version() != null);
        Org org = ownOrg(caller);
        String name = edit.name() == null ? org.name() : OrgFields.name(f, edit.name());
        String phone = edit.contactPhone() == null ? org.contactPhone() : OrgFields.contactPhone(f, edit.contactPhone());
        String region = edit.regionCode() == null ? org.regionCode() : OrgFields.regionCode(f, edit.regionCode());
        String address = edit.address() == null ? org.address() : OrgFields.address(f, edit.address());
        f.throwIfInvalid();
        if (!org.type().editsDirectly()) {
            throw new ApiError(ErrorCode.CONFLICT, "单位和继续教育基地的信息修改需由主管部门审核");
        }
        if (org.version() != edit.version()) {
            throw new ApiError(ErrorCode.VERSION_CONFLICT);
        }
        Instant now = clock.instant();
        Org updated = org.withInfo(name, phone, region, address, now);
        if (!orgs.update(updated, edit.version(), org)) {
            throw new ApiError(ErrorCode.VERSION_CONFLICT);
        }
        audit.record(new AuditRecord(now, meta, "ORG_EDIT", "ORG", org.orgId(), AuditRecord.SUCCESS));
        return OrgView.of(updated, parentName(updated));
    }

    public List<OrgSummary> lookup(String query, Optional<OrgType> type) {
        return orgs.lookup(query, type, LOOKUP_LIMIT);
    }

    private Org ownOrg(Principal caller) {
        if (caller.orgId() == null) {
            throw new ApiError(ErrorCode.NOT_FOUND);
        }
        return orgs.get(caller.orgId()).orElseThrow(() -> new ApiError(ErrorCode.NOT_FOUND));
    }

    private String parentName(Org org) {
        return org.parentOrgId() == null ? null : orgs.get(org.parentOrgId()).map(Org::name).orElse(null);
    }
}
