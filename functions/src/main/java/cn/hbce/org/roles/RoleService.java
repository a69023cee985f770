package cn.hbce.org.roles;

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
import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import cn.hbce.common.validation.Fields;
import cn.hbce.org.PermissionCatalogue;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * 角色管理: the permission catalogue and the roles of the caller's own org.
 *
 * <p><b>A role still assigned cannot be deleted, also under races.</b> Without transactions the
 * check "no seat holds the role" and the delete cannot be one step if they touch different items,
 * so the question is moved onto the role item itself: it carries {@code assignedCount}, the number
 * of seats holding it. Whoever gives a seat a role first reserves it (atomic {@code ADD 1},
 * conditional on the role existing), then writes the seat; whoever takes a role off a seat writes
 * the seat first and releases afterwards ({@code ADD -1}, never below zero). The delete is a
 * conditional delete {@code assignedCount = 0}. All three are single-item writes on the same item,
 * which DynamoDB serialises: a delete that wins makes every later reserve fail (the role is gone,
 * the assignment is refused), and a reserve that wins makes the delete fail with 409. A failure
 * between the steps can only leave the count too high (the role then refuses deletion: safe), never
 * too low. The alternative — re-checking the seats with a consistent query and deleting on the
 * role's version — needs every assignment to bump that version after writing its seat and to undo
 * the seat when the bump fails, which spreads the rule over more steps and more undo paths.
 *
 * <p>A permission removed from a role reaches requests through the authorizer's role cache
 * ({@link cn.hbce.org.CachedRoleRepository}, at most 30 s), well inside the 60 s the baseline allows.
 */
public final class RoleService {
    public static final int NAME_MAX = 30;
    public static final int MAX_PERMISSIONS = 50;
    private final OrgRoleRepository roles;
    private final PermissionCatalogue catalogue;
    private final AuditLog audit;
    private final Clock clock;

    public RoleService(OrgRoleRepository roles, PermissionCatalogue catalogue, AuditLog audit, Clock clock) {
        this.roles = roles;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    public record Create(String name, List<String> permissions) {
    }

    /** Absent fields stay as they are. */
    public record Edit(String name, List<String> permissions, Long version) {
    }

    public record View(String roleId, String name, List<String> permissions, long assignedCount, long version,
                       Instant createdAt, Instant updatedAt) {
        static View of(Role r) {
            return new View(r.roleId(), r.name(), r.permissions().stream().sorted().toList(), r.assignedCount(),
                    r.version(), r.createdAt(), r.updatedAt());
        }
    }

    /** The permissions a role can grant ({@code admins.manage} and {@code roles.manage} are not among them). */
    public List<PermissionCatalogue.Permission> catalogue() {
        return catalogue.all();
    }

    public Page<View> list(Actor caller, PageRequest page) {
        Page<Role> found = roles.list(caller.requireOrg(), page);
        return found.withItems(found.items().stream().map(View::of).toList());
    }

    public String create(Actor caller, Create req, AuditContext meta) {
        String orgId = caller.requireOrg();
        Fields f = new Fields();
        String name = f.text("name", req.name(), NAME_MAX);
        f.require("permissions", req.permissions() != null);
        f.throwIfInvalid();
        Set<String> permissions = grantable(req.permissions());
        Instant now = clock.instant();
        Role role = new Role(orgId, Ids.newId("r"), name, permissions, 0, 1, now, now);
        roles.create(role);
        audit.record(new AuditRecord(now, meta, "ROLE_CREATE", "ROLE", role.roleId(), AuditRecord.SUCCESS));
        return role.roleId();
    }

    public View edit(Actor caller, String roleId, Edit req, AuditContext meta) {
        String orgId = caller.requireOrg();
        Fields f = new Fields();
        f.require("version", req.version() != null);
        String name = req.name() == null ? null : f.text("name", req.name(), NAME_MAX);
        f.throwIfInvalid();
        Set<String> permissions = req.permissions() == null ? null : grantable(req.permissions());
        Role before = roles.get(orgId, roleId).orElseThrow(() -> new NotFound());
        if (before.version() != req.version()) {
            throw new StaleVersion();
        }
        Instant now = clock.instant();
        Role after = before.edited(name == null ? before.name() : name,
                permissions == null ? before.permissions() : permissions, now);
        if (!roles.update(after, before.version())) {
            throw roles.get(orgId, roleId).isPresent()
                    ? new StaleVersion() : new NotFound();
        }
        audit.record(new AuditRecord(now, meta, "ROLE_EDIT", "ROLE", roleId, AuditRecord.SUCCESS));
        return View.of(roles.get(orgId, roleId).orElse(after));
    }

    public void delete(Actor caller, String roleId, AuditContext meta) {
        switch (roles.delete(caller.requireOrg(), roleId)) {
            case NOT_FOUND -> throw new NotFound();
            case IN_USE -> throw new Conflict(Reason.ROLE_IN_USE);
            case DELETED -> audit.record(new AuditRecord(clock.instant(), meta, "ROLE_DELETE", "ROLE", roleId,
                    AuditRecord.SUCCESS));
            default -> throw new IllegalStateException();
        }
    }

    /** Every code must be in the catalogue; the super admin's own permissions cannot be granted. */
    private Set<String> grantable(List<String> codes) {
        if (codes.size() > MAX_PERMISSIONS) {
            throw Invalid.field("permissions");
        }
        Set<String> out = new LinkedHashSet<>();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code == null || !catalogue.grantable(code)) {
                refused.add("permissions[" + i + "]");
            } else {
                out.add(code);
            }
        }
        if (!refused.isEmpty()) {
            throw new Invalid(Reason.PERMISSION_NOT_GRANTABLE, refused);
        }
        return out;
    }
}
