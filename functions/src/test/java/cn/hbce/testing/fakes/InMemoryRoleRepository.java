package cn.hbce.testing.fakes;

import cn.hbce.common.paging.CursorCodec;
import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import cn.hbce.org.RoleRepository;
import cn.hbce.org.roles.OrgRoleRepository;
import cn.hbce.org.roles.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link OrgRoleRepository} and {@link RoleRepository} (one item serves both, as on the table):
 * edits at the expected version leave the seat count alone; the count moves by one, never below
 * zero, only on an existing role; a role is deleted only while no seat holds it.
 */
public final class InMemoryRoleRepository implements OrgRoleRepository, RoleRepository {
    private final FakeTable t;

    public InMemoryRoleRepository(FakeTable table) {
        this.t = table;
    }

    @Override
    public Page<Role> list(String orgId, PageRequest page) {
        List<Role> all;
        synchronized (t.lock) {
            all = List.copyOf(of(orgId).values());
        }
        return FakePages.readAhead(all, Role::roleId, CursorCodec.scope("org-items", "ORG#" + orgId, "ROLE#"),
                page.limit(), page.cursor());
    }

    @Override
    public Optional<Role> get(String orgId, String roleId) {
        synchronized (t.lock) {
            return Optional.ofNullable(of(orgId).get(roleId));
        }
    }

    @Override
    public void create(Role role) {
        synchronized (t.lock) {
            if (of(role.orgId()).putIfAbsent(role.roleId(), role) != null) {
                throw FakeTable.conditionFailed("role " + role.roleId() + " exists");
            }
        }
    }

    @Override
    public boolean update(Role updated, long expectedVersion) {
        synchronized (t.lock) {
            Role r = of(updated.orgId()).get(updated.roleId());
            if (r == null || r.version() != expectedVersion) {
                return false;
            }
            of(r.orgId()).put(r.roleId(), new Role(r.orgId(), r.roleId(), updated.name(), Set.copyOf(updated.permissions()),
                    r.assignedCount(), updated.version(), r.createdAt(), updated.updatedAt()));
            return true;
        }
    }

    @Override
    public Removal delete(String orgId, String roleId) {
        synchronized (t.lock) {
            Role r = of(orgId).get(roleId);
            if (r == null) {
                return Removal.NOT_FOUND;
            }
            if (r.assignedCount() > 0) {
                return Removal.IN_USE;
            }
            of(orgId).remove(roleId);
            return Removal.DELETED;
        }
    }

    @Override
    public boolean reserve(String orgId, String roleId) {
        synchronized (t.lock) {
            return count(orgId, roleId, 1, false);
        }
    }

    @Override
    public void release(String orgId, String roleId) {
        synchronized (t.lock) {
            count(orgId, roleId, -1, true);
        }
    }

    @Override
    public Optional<Set<String>> permissions(String orgId, String roleId) {
        return get(orgId, roleId).map(Role::permissions);
    }

    private boolean count(String orgId, String roleId, int by, boolean onlyAboveZero) {
        Role r = of(orgId).get(roleId);
        if (r == null || (onlyAboveZero && r.assignedCount() <= 0)) {
            return false;
        }
        of(orgId).put(roleId, new Role(r.orgId(), r.roleId(), r.name(), r.permissions(), r.assignedCount() + by,
                r.version(), r.createdAt(), r.updatedAt()));
        return true;
    }

    private TreeMap<String, Role> of(String orgId) {
        return t.roles.computeIfAbsent(orgId, k -> new TreeMap<>());
    }
}
