package cn.hbce.hours;

import cn.hbce.account.AccountRepository;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.Forbidden;
import cn.hbce.common.domain.NotFound;
import cn.hbce.common.paging.Page;
import cn.hbce.common.validation.Fields;
import cn.hbce.org.Org;
import cn.hbce.org.OrgRepository;
import cn.hbce.org.OrgTree;
import cn.hbce.org.OrgType;
import cn.hbce.review.ReviewRepository;
import cn.hbce.review.ReviewStep;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * 学时审核 at a department: the hours of every person in its jurisdiction (records listed under
 * its department or a department below it), one record with its review trail, and the soft delete
 * of a wrong record. A unit or base admin with the permission sees its own persons' records only.
 * A record outside the caller's jurisdiction does not exist for it (404).
 */
public final class HoursDeskService {
    private final HoursRepository records;
    private final OrgRepository orgs;
    private final AccountRepository accounts;
    private final DepartmentTree departments;
    private final ReviewRepository reviews;
    private final HoursChangeListener listener;
    private final EvidenceFiles evidence;
    private final AuditLog audit;
    private final Clock clock;

    public HoursDeskService(HoursRepository records, OrgRepository orgs, AccountRepository accounts, DepartmentTree departments,
                            ReviewRepository reviews, HoursChangeListener listener, EvidenceFiles evidence,
                            AuditLog audit, Clock clock) {
        this.records = records;
        this.orgs = orgs;
        this.accounts = accounts;
        this.departments = departments;
        this.reviews = reviews;
        this.listener = listener;
        this.evidence = evidence;
        this.audit = audit;
        this.clock = clock;
    }

    public record Filters(Optional<Integer> year, Optional<Category> category, Optional<RecordStatus> status,
                          Optional<String> unitOrgId, Optional<String> text, int limit, Optional<String> cursor) {
    }

    public Page<HoursRecord> list(Actor caller, Filters f) {
        Org org = orgs.get(caller.requireOrg()).orElseThrow(NotFound::new);
        List<String> partitions;
        Optional<String> unit = f.unitOrgId();
        if (org.type() == OrgType.UNIT || org.type() == OrgType.BASE) {
            if (unit.isPresent() && !unit.get().equals(org.orgId())) {
                return new Page<>(List.of(), null);
            }
            partitions = List.of(org.parentOrgId());
            unit = Optional.of(org.orgId());
        } else {
            partitions = departments.departmentsUnder(org.orgId());
        }
        return records.list(new HoursQuery(partitions, f.year(), f.category(), f.status(), unit, f.text(), f.limit(),
                f.cursor(), org.orgId()));
    }

    /** An evidence file as the record shows it (download through GET /v1/files/{fileId}/download). */
    public record EvidenceFile(String fileId, String fileName, String contentType, long size) {
    }

    /** The stored files among these ids (files owns them). */
    public interface EvidenceFiles {
        List<EvidenceFile> describe(List<String> fileIds);
    }

    /** A record with its evidence files and review trail (the steps of the review that decided it). */
    public record RecordDetail(HoursRecord record, List<EvidenceFile> evidence, List<ReviewStep> trail) {
    }

    public RecordDetail get(Actor caller, String recordId) {
        HoursRecord r = visible(caller, recordId);
        List<ReviewStep> trail = r.reviewId() == null ? List.of() : reviews.steps(r.reviewId());
        List<EvidenceFile> files = r.evidenceFileIds().isEmpty() ? List.of() : evidence.describe(r.evidenceFileIds());
        return new RecordDetail(r, files, trail);
    }

    /**
     * Whether the caller may see the record (and so download its evidence): the person it belongs
     * to, or an admin holding review.hours whose jurisdiction it lies in (the deciding unit and departments).
     */
    public boolean canSee(Actor caller, String recordId) {
        Optional<HoursRecord> r = records.get(recordId);
        if (r.isEmpty()) {
            return false;
        }
        if (!caller.isAdmin()) {
            return caller.personId().equals(r.get().personId());
        }
        if (!caller.can("review.hours")) {
            return false;
        }
        try {
            visible(caller, recordId);
            return true;
        } catch (NotFound outside) {
            return false;
        }
    }

    /** DELETE /v1/hours/{recordId}: DELETED with the reason; an approved record's year is re-checked by the listener. */
    public void delete(Actor caller, String recordId, String reason, AuditContext meta) {
        Fields f = new Fields();
        String why = f.text("reason", reason, 200);
        f.throwIfInvalid();
        HoursRecord r = visible(caller, recordId);
        Org org = orgs.get(caller.requireOrg()).orElseThrow(NotFound::new);
        if (org.type() != OrgType.DEPARTMENT && org.type() != OrgType.HRSS) {
            // 删除记录 is the department's; a unit sees its persons' records but does not delete them.
            throw new Forbidden();
        }
        Instant now = clock.instant();
        Optional<RecordStatus> before = records.softDelete(recordId, why, caller.personId(), now);
        if (before.isPresent()) {
            audit.record(new AuditRecord(now, meta, "DELETE_HOURS_RECORD", "HOURS_RECORD", recordId,
                    AuditRecord.SUCCESS + ":" + before.get().name()));
        }
        if (before.orElse(RecordStatus.DELETED) == RecordStatus.APPROVED) {
            listener.approvedHoursChanged(r.personId(), r.year(), meta);
        }
    }

    private HoursRecord visible(Actor caller, String recordId) {
        HoursRecord r = records.get(recordId).orElseThrow(NotFound::new);
        Org org = orgs.get(caller.requireOrg()).orElseThrow(NotFound::new);
        if (!within(org, r.unitOrgId(), r.deptOrgId()) && !withinByCurrentOrg(org, r.personId())) {
            throw new NotFound();
        }
        return r;
    }

    /** Where the record was recorded: the unit itself, or a department over the recording department. */
    private boolean within(Org caller, String unitOrgId, String deptOrgId) {
        return caller.type() == OrgType.UNIT || caller.type() == OrgType.BASE
                ? caller.orgId().equals(unitOrgId)
                : new OrgTree(orgs).isWithin(caller.orgId(), deptOrgId);
    }

    /**
     * Where the person belongs now: after a transfer (人员调转) the person's history goes with them, so
     * the new unit and the departments over it see the records made before the move too.
     */
    private boolean withinByCurrentOrg(Org caller, String personId) {
        Optional<String> current = accounts.person(personId)
                .flatMap(p -> Optional.ofNullable(p.registration())).map(reg -> reg.orgId());
        if (current.isEmpty()) {
            return false;
        }
        return caller.type() == OrgType.UNIT || caller.type() == OrgType.BASE
                ? caller.orgId().equals(current.get())
                : new OrgTree(orgs).isWithin(caller.orgId(), current.get());
    }
}
