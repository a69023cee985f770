package cn.hbce.org.departments;

import cn.hbce.common.Ids;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.Conflict;
import cn.hbce.common.domain.NotFound;
import cn.hbce.common.domain.Reason;
import cn.hbce.common.domain.StaleVersion;
import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import cn.hbce.common.validation.Fields;
import cn.hbce.common.validation.Phone;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 内设部门: list, add, edit (optimistic {@code version}) and delete the internal departments of the
 * caller's own org. Every key is built from the caller's org, so another org's department is
 * simply not found. A name is unique within the org through a claim item taken before the
 * department is written; a claim left behind by an interrupted write (its holder gone or renamed)
 * is taken over once it is older than {@link #STALE_CLAIM}.
 */
public final class DepartmentService {
    public static final int NAME_MAX = 50;
    public static final int LEADER_MAX = 50;
    static final Duration STALE_CLAIM = Duration.ofMinutes(1);
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");
    private final DepartmentRepository departments;
    private final AuditLog audit;
    private final Clock clock;

    public DepartmentService(DepartmentRepository departments, AuditLog audit, Clock clock) {
        this.departments = departments;
        this.audit = audit;
        this.clock = clock;
    }

    public record Create(String name, String leader, String phone) {
    }

    /** Absent fields stay as they are; an empty leader or phone clears it. */
    public record Edit(String name, String leader, String phone, Long version) {
    }

    /** A department as lists show it: a mobile number is masked, an office landline is not. */
    public record View(String deptId, String name, String leader, String phone, long version, Instant createdAt,
                       Instant updatedAt) {
        static View of(Department d) {
            String phone = d.phone() == null ? null : Phone.normalize(d.phone()).map(Phone::mask).orElse(d.phone());
            return new View(d.deptId(), d.name(), d.leader(), phone, d.version(), d.createdAt(), d.updatedAt());
        }
    }

    public Page<View> list(Actor caller, PageRequest page) {
        Page<Department> found = departments.list(caller.requireOrg(), page);
        return found.withItems(found.items().stream().map(View::of).toList());
    }

    public String create(Actor caller, Create req, AuditContext meta) {
        String orgId = caller.requireOrg();
        Fields f = new Fields();
        String name = f.text("name", req.name(), NAME_MAX);
        String leader = f.optionalText("leader", req.leader(), LEADER_MAX);
        String phone = phone(f, req.phone());
        f.throwIfInvalid();
        Instant now = clock.instant();
        Department d = new Department(orgId, Ids.newId("d"), name, leader, phone, 1, now, now);
        claimOrConflict(orgId, d.nameKey(), d.deptId(), now);
        try {
            departments.create(d);
        } catch (RuntimeException failure) {
            departments.releaseName(orgId, d.nameKey(), d.deptId());
            throw failure;
        }
        audit.record(new AuditRecord(now, meta, "DEPARTMENT_CREATE", "DEPARTMENT", d.deptId(), AuditRecord.SUCCESS));
        return d.deptId();
    }

    public View edit(Actor caller, String deptId, Edit req, AuditContext meta) {
        String orgId = caller.requireOrg();
        Fields f = new Fields();
        f.require("version", req.version() != null);
        String name = req.name() == null ? null : f.text("name", req.name(), NAME_MAX);
        String leader = req.leader() == null ? null : f.optionalText("leader", req.leader(), LEADER_MAX);
        String phone = req.phone() == null ? null : phone(f, req.phone());
        f.throwIfInvalid();
        Department before = departments.get(orgId, deptId).orElseThrow(() -> new NotFound());
        if (before.version() != req.version()) {
            throw new StaleVersion();
        }
        Instant now = clock.instant();
        Department after = before.edited(name == null ? before.name() : name,
                req.leader() == null ? before.leader() : leader,
                req.phone() == null ? before.phone() : phone, now);
        boolean renamed = !after.nameKey().equals(before.nameKey());
        if (renamed) {
            claimOrConflict(orgId, after.nameKey(), deptId, now);
        }
        if (!departments.update(after, before.version())) {
            if (renamed) {
                departments.releaseName(orgId, after.nameKey(), deptId);
            }
            throw departments.get(orgId, deptId).isPresent()
                    ? new StaleVersion() : new NotFound();
        }
        if (renamed) {
            departments.releaseName(orgId, before.nameKey(), deptId);
        }
        audit.record(new AuditRecord(now, meta, "DEPARTMENT_EDIT", "DEPARTMENT", deptId, AuditRecord.SUCCESS));
        return View.of(after);
    }

    public void delete(Actor caller, String deptId, AuditContext meta) {
        String orgId = caller.requireOrg();
        Department removed = departments.delete(orgId, deptId).orElseThrow(() -> new NotFound());
        departments.releaseName(orgId, removed.nameKey(), deptId);
        audit.record(new AuditRecord(clock.instant(), meta, "DEPARTMENT_DELETE", "DEPARTMENT", deptId, AuditRecord.SUCCESS));
    }

    private void claimOrConflict(String orgId, String nameKey, String deptId, Instant now) {
        if (departments.claimName(orgId, nameKey, deptId, now)) {
            return;
        }
        Optional<DepartmentRepository.NameClaim> claim = departments.nameClaim(orgId, nameKey);
        if (claim.isEmpty()) {
            // Released between the two reads: try once more.
            if (departments.claimName(orgId, nameKey, deptId, now)) {
                return;
            }
        } else if (stale(orgId, nameKey, claim.get(), now)
                && departments.takeOverName(orgId, nameKey, claim.get().deptId(), deptId, now)) {
            return;
        }
        throw new Conflict(Reason.DEPARTMENT_NAME_TAKEN, List.of("name"));
    }

    /** A claim nobody uses: its department is gone or now has another name, and it is not in flight. */
    private boolean stale(String orgId, String nameKey, DepartmentRepository.NameClaim claim, Instant now) {
        if (claim.claimedAt().plus(STALE_CLAIM).isAfter(now)) {
            return false;
        }
        return departments.get(orgId, claim.deptId()).map(d -> !d.nameKey().equals(nameKey)).orElse(true);
    }

    private static String phone(Fields f, String raw) {
        String phone = f.optionalText("phone", raw, 20);
        f.require("phone", phone == null || Phone.normalize(phone).isPresent() || LANDLINE.matcher(phone).matches());
        return phone;
    }
}
