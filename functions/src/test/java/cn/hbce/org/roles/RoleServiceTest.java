package cn.hbce.org.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.Refusal;
import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import cn.hbce.org.PermissionCatalogue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleServiceTest {
    private static final Actor SUPER = new Actor("p_1", "s_1", "DEPARTMENT", "o_1", "a_1", true, Set.of(), true, false);
    private static final AuditContext META = new AuditContext("req", "127.0.0.1", "p_1", "o_1");

    /** Roles in a map, with the same conditions as the table. */
    private static final class MemoryRoles implements OrgRoleRepository {
        final Map<String, Role> byKey = new HashMap<>();

        @Override
        public Page<Role> list(String orgId, PageRequest page) {
            return new Page<>(byKey.values().stream().filter(r -> r.orgId().equals(orgId)).toList(), null);
        }

        @Override
        public Optional<Role> get(String orgId, String roleId) {
            return Optional.ofNullable(byKey.get(orgId + "/" + roleId));
        }

        @Override
        public void create(Role role) {
            byKey.put(role.orgId() + "/" + role.roleId(), role);
        }

        @Override
        public boolean update(Role updated, long expectedVersion) {
            Role now = byKey.get(updated.orgId() + "/" + updated.roleId());
            if (now == null || now.version() != expectedVersion) {
                return false;
            }
            byKey.put(updated.orgId() + "/" + updated.roleId(), updated);
            return true;
        }

        @Override
        public Removal delete(String orgId, String roleId) {
            Role r = byKey.get(orgId + "/" + roleId);
            if (r == null) {
                return Removal.NOT_FOUND;
            }
            if (r.assignedCount() > 0) {
                return Removal.IN_USE;
            }
            byKey.remove(orgId + "/" + roleId);
            return Removal.DELETED;
        }

        @Override
        public boolean reserve(String orgId, String roleId) {
            Role r = byKey.get(orgId + "/" + roleId);
            if (r == null) {
                return false;
            }
            byKey.put(orgId + "/" + roleId, new Role(r.orgId(), r.roleId(), r.name(), r.permissions(), r.assignedCount() + 1,
                    r.version(), r.createdAt(), r.updatedAt()));
            return true;
        }

        @Override
        public void release(String orgId, String roleId) {
            throw new UnsupportedOperationException();
        }
    }

    private final MemoryRoles roles = new MemoryRoles();
    private final List<AuditRecord> audit = new ArrayList<>();
    private final RoleService service = new RoleService(roles, PermissionCatalogue.load(), audit::add,
            Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC));

    private static Refusal refused(Runnable r) {
        return assertThrows(Refusal.class, r::run);
    }

    @Test
    void createsARoleWithCataloguePermissionsOnceEach() {
        String id = service.create(SUPER, new RoleService.Create(" 审核员 ", List.of("review.registration", "stats.view",
                "review.registration")), META);
        Role r = roles.get("o_1", id).orElseThrow();
        assertEquals("审核员", r.name());
        assertEquals(Set.of("review.registration", "stats.view"), r.permissions());
        assertEquals(1, r.version());
        assertEquals("ROLE_CREATE", audit.get(0).action());
    }

    @Test
    void unknownAndSuperAdminOnlyCodesAreRefusedByPosition() {
        for (String code : new String[]{"admins.manage", "roles.manage", "org.everything", ""}) {
            Refusal e = refused(() -> service.create(SUPER, new RoleService.Create("角色", List.of("org.edit", code)), META));
            assertEquals("VALIDATION_FAILED", e.reason().code());
            assertEquals(List.of("permissions[1]"), e.fields());
        }
        Refusal nullCode = refused(() -> service.create(SUPER, new RoleService.Create("角色", Arrays.asList((String) null)), META));
        assertEquals(List.of("permissions[0]"), nullCode.fields());
        assertTrue(roles.byKey.isEmpty());
        assertTrue(audit.isEmpty());
    }

    @Test
    void nameAndPermissionsAreRequired() {
        assertEquals(List.of("name", "permissions"), refused(() -> service.create(SUPER, new RoleService.Create(" ", null), META)).fields());
    }

    @Test
    void anEmptyRoleIsAllowed() {
        String id = service.create(SUPER, new RoleService.Create("只读", List.of()), META);
        assertTrue(roles.get("o_1", id).orElseThrow().permissions().isEmpty());
    }

    @Test
    void editNeedsTheCurrentVersion() {
        String id = service.create(SUPER, new RoleService.Create("角色", List.of("org.edit")), META);
        assertEquals(List.of("version"), refused(() -> service.edit(SUPER, id, new RoleService.Edit("新名", null, null), META)).fields());
        assertEquals("VERSION_CONFLICT", refused(() -> service.edit(SUPER, id, new RoleService.Edit("新名", null, 2L), META)).reason().code());
        RoleService.View v = service.edit(SUPER, id, new RoleService.Edit(null, List.of("stats.view"), 1L), META);
        assertEquals(List.of("stats.view"), v.permissions());
        assertEquals("角色", v.name());
        assertEquals(2, v.version());
    }

    @Test
    void anotherOrgsRoleIsNotFound() {
        String id = service.create(SUPER, new RoleService.Create("角色", List.of("org.edit")), META);
        Actor other = new Actor("p_2", "s_2", "DEPARTMENT", "o_2", "a_2", true, Set.of(), true, false);
        assertEquals("NOT_FOUND", refused(() -> service.edit(other, id, new RoleService.Edit("x", null, 1L), META)).reason().code());
        assertEquals("NOT_FOUND", refused(() -> service.delete(other, id, META)).reason().code());
        assertTrue(roles.get("o_1", id).isPresent());
    }

    @Test
    void anAssignedRoleIsNotDeleted() {
        String id = service.create(SUPER, new RoleService.Create("角色", List.of("org.edit")), META);
        roles.reserve("o_1", id);
        assertEquals("CONFLICT", refused(() -> service.delete(SUPER, id, META)).reason().code());
        assertTrue(roles.get("o_1", id).isPresent());
    }
}
