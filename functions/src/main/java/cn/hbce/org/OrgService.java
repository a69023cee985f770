package cn.hbce.org;

import cn.hbce.common.Ids;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.Conflict;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.domain.NotFound;
import cn.hbce.common.domain.Reason;
import cn.hbce.common.domain.StaleVersion;
import cn.hbce.common.validation.Fields;
import cn.hbce.review.ReviewKind;
import cn.hbce.review.ReviewService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * 本级机构管理 基本信息: departments (and HRSS) edit their info directly; units and bases submit the
 * change for their supervising department's review; 更换上级部门 needs both the old and the new
 * superior. Also the public org lookup of registration forms.
 */
public final class OrgService {
    public static final int LOOKUP_LIMIT = 20;
    private final OrgRepository orgs;
    private final OrgTree tree;
    /** Asked for only when an edit is submitted for review: reading the org builds no review engine. */
    private final Supplier<ReviewService> reviews;
    private final AuditLog audit;
    private final Clock clock;

    public OrgService(OrgRepository orgs, Supplier<ReviewService> reviews, AuditLog audit, Clock clock) {
        this.orgs = orgs;
        this.tree = new OrgTree(orgs);
        this.reviews = reviews;
        this.audit = audit;
        this.clock = clock;
    }

    /** The caller's org with its parent's name: one read (the name is kept on the org). */
    public OrgView own(Actor caller) {
        return orgs.view(caller.requireOrg()).orElseThrow(() -> new NotFound());
    }

    public record Edit(String name, String contactPhone, String regionCode, String address, Long version) {
    }

    /** The answer to an edit: applied at once, or submitted for review. */
    public sealed interface EditOutcome {
        record Applied(OrgView org) implements EditOutcome {
        }

        record UnderReview(String reviewId) implements EditOutcome {
        }
    }

    public EditOutcome edit(Actor caller, Edit edit, AuditContext meta) {
        Fields f = new Fields();
        f.require("version", edit.version() != null);
        Org org = ownOrg(caller);
        String name = edit.name() == null ? org.name() : OrgFields.name(f, edit.name());
        String phone = edit.contactPhone() == null ? org.contactPhone() : OrgFields.contactPhone(f, edit.contactPhone());
        String region = edit.regionCode() == null ? org.regionCode() : OrgFields.regionCode(f, edit.regionCode());
        String address = edit.address() == null ? org.address() : OrgFields.address(f, edit.address());
        f.throwIfInvalid();
        if (org.version() != edit.version()) {
            throw new StaleVersion();
        }
        Instant now = clock.instant();
        OrgInfo after = new OrgInfo(name, phone, region, address);
        if (!org.type().editsDirectly()) {
            return new EditOutcome.UnderReview(submitInfoChange(org, after, meta));
        }
        Org updated = org.withInfo(name, phone, region, address, now);
        if (!orgs.update(updated, edit.version(), org)) {
            throw new StaleVersion();
        }
        audit.record(new AuditRecord(now, meta, "ORG_EDIT", "ORG", org.orgId(), AuditRecord.SUCCESS));
        return new EditOutcome.Applied(OrgView.of(updated, parentName(updated)));
    }

    private String submitInfoChange(Org org, OrgInfo after, AuditContext meta) {
        List<Map<String, Object>> changes = changes(OrgInfo.of(org), after);
        if (changes.isEmpty()) {
            throw new Invalid(Reason.NOTHING_TO_CHANGE, List.of("body"));
        }
        String reviewId = Ids.newId("r");
        if (!orgs.reservePending(org.orgId(), PendingChange.INFO, reviewId)) {
            throw new Conflict(Reason.INFO_CHANGE_PENDING);
        }
        Map<String, Object> detail = new LinkedHashMap<>(subject(org));
        detail.put("changes", changes);
        detail.put("after", after);
        reviews.get().submit(reviewId, new ReviewService.Submission(ReviewKind.ORG_CHANGE, org.orgId(), subject(org), detail,
                org.name() + " " + after.name(), List.of(List.of(org.parentOrgId()))), meta);
        return reviewId;
    }

    public record SuperiorChange(String newParentOrgId, String reason) {
    }

    /** 更换上级部门: decided in parallel by the current and the new superior. */
    public String requestSuperiorChange(Actor caller, SuperiorChange req, AuditContext meta) {
        Fields f = new Fields();
        String newParentId = f.text("newParentOrgId", req.newParentOrgId(), 64);
        String reason = f.text("reason", req.reason(), 500);
        f.throwIfInvalid();
        Org org = ownOrg(caller);
        if (org.parentOrgId() == null) {
            throw new Invalid(Reason.ROOT_HAS_NO_SUPERIOR, List.of("newParentOrgId"));
        }
        Org newParent = orgs.get(newParentId).filter(Org::approved)
                .filter(p -> org.type() == OrgType.DEPARTMENT ? p.type().canSupervise() : p.type() == OrgType.DEPARTMENT)
                .filter(p -> !p.orgId().equals(org.parentOrgId()) && !tree.isWithin(org.orgId(), p))
                .orElseThrow(() -> Invalid.field("newParentOrgId"));
        String reviewId = Ids.newId("r");
        if (!orgs.reservePending(org.orgId(), PendingChange.SUPERIOR, reviewId)) {
            throw new Conflict(Reason.SUPERIOR_CHANGE_PENDING);
        }
        Map<String, Object> subject = subject(org);
        subject.put("currentParentOrgId", org.parentOrgId());
        subject.put("currentParentName", parentName(org));
        subject.put("newParentOrgId", newParent.orgId());
        subject.put("newParentName", newParent.name());
        Map<String, Object> detail = new LinkedHashMap<>(subject);
        detail.put("reason", reason);
        detail.put("changes", List.of(change("parentOrgId", org.parentOrgId(), newParent.orgId())));
        reviews.get().submit(reviewId, new ReviewService.Submission(ReviewKind.SUPERIOR_CHANGE, org.orgId(), subject, detail,
                org.name(), List.of(List.of(org.parentOrgId(), newParent.orgId()))), meta);
        return reviewId;
    }

    public List<OrgSummary> lookup(String query, Optional<OrgType> type) {
        return orgs.lookup(query, type, LOOKUP_LIMIT);
    }

    private static Map<String, Object> subject(Org org) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("orgId", org.orgId());
        subject.put("name", org.name());
        subject.put("type", org.type().name());
        subject.put("creditCode", org.creditCode());
        return subject;
    }

    private static List<Map<String, Object>> changes(OrgInfo before, OrgInfo after) {
        List<Map<String, Object>> out = new ArrayList<>();
        addIfChanged(out, "name", before.name(), after.name());
        addIfChanged(out, "contactPhone", before.contactPhone(), after.contactPhone());
        addIfChanged(out, "regionCode", before.regionCode(), after.regionCode());
        addIfChanged(out, "address", before.address(), after.address());
        return out;
    }

    private static void addIfChanged(List<Map<String, Object>> out, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            out.add(change(field, before, after));
        }
    }

    private static Map<String, Object> change(String field, String before, String after) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("field", field);
        c.put("before", before);
        c.put("after", after);
        return c;
    }

    private Org ownOrg(Actor caller) {
        if (caller.orgId() == null) {
            throw new NotFound();
        }
        return orgs.get(caller.orgId()).orElseThrow(() -> new NotFound());
    }

    private String parentName(Org org) {
        return org.parentOrgId() == null ? null : orgs.get(org.parentOrgId()).map(Org::name).orElse(null);
    }
}
