package cn.hbce.org.roles.adapter;

import cn.hbce.org.roles.OrgRoleRepository;
import cn.hbce.org.roles.Role;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.common.paging.PageRequest;
import cn.hbce.testing.LocalTable;
import cn.hbce.testing.Race;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoOrgRoleRepositoryIT {
    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    private String table;
    private DynamoOrgRoleRepository roles;

    @BeforeEach
    void freshTable() {
        table = LocalTable.create();
        roles = new DynamoOrgRoleRepository(LocalTable.client(), table,
                new cn.hbce.common.paging.CursorCodec("role-repository-it-token-secret-32b".getBytes()));
    }

    private Role role(String id, Set<String> permissions) {
        Role r = new Role("o_1", id, "角色" + id, permissions, 0, 1, NOW, NOW);
        roles.create(r);
        return r;
    }

    @Test
    void theAuthorizersReaderSeesWhatTheRoleApiStores() {
        role("r_1", Set.of("org.edit", "stats.view"));
        role("r_2", Set.of());
        DynamoOrgRoleRepository reader = roles;
        assertEquals(Optional.of(Set.of("org.edit", "stats.view")), reader.permissions("o_1", "r_1"));
        assertEquals(Optional.of(Set.of()), reader.permissions("o_1", "r_2"));
        Role r1 = roles.get("o_1", "r_1").orElseThrow();
        assertTrue(roles.update(r1.edited("改名", Set.of(), NOW), 1));
        assertEquals(Optional.of(Set.of()), reader.permissions("o_1", "r_1"));
        assertFalse(roles.update(r1.edited("再改", Set.of("org.edit"), NOW), 1), "stale version");
    }

    @Test
    void editsLeaveTheAssignmentCountAlone() {
        Role r = role("r_1", Set.of("org.edit"));
        assertTrue(roles.reserve("o_1", "r_1"));
        assertTrue(roles.update(r.edited("改名", Set.of("stats.view"), NOW), 1));
        assertEquals(1, roles.get("o_1", "r_1").orElseThrow().assignedCount());
        assertEquals(OrgRoleRepository.Removal.IN_USE, roles.delete("o_1", "r_1"));
        roles.release("o_1", "r_1");
        roles.release("o_1", "r_1");
        assertEquals(0, roles.get("o_1", "r_1").orElseThrow().assignedCount(), "never below zero");
        assertEquals(OrgRoleRepository.Removal.DELETED, roles.delete("o_1", "r_1"));
        assertEquals(OrgRoleRepository.Removal.NOT_FOUND, roles.delete("o_1", "r_1"));
        assertFalse(roles.reserve("o_1", "r_1"), "a deleted role cannot be assigned");
    }

    @Test
    void ofADeleteAndAnAssignmentRacingExactlyOneSucceeds() throws Exception {
        for (int round = 0; round < 15; round++) {
            String id = "r_race" + round;
            role(id, Set.of("org.edit"));
            AtomicInteger turn = new AtomicInteger();
            List<Object> results = Race.run(2, () -> turn.getAndIncrement() == 0
                    ? roles.reserve("o_1", id) : roles.delete("o_1", id));
            boolean reserved = results.contains(Boolean.TRUE);
            boolean deleted = results.contains(OrgRoleRepository.Removal.DELETED);
            assertNotEquals(reserved, deleted, "round " + round + ": " + results);
            assertEquals(reserved, roles.get("o_1", id).isPresent());
        }
    }

    @Test
    void listsPageThroughTheOrgsRolesOnly() {
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            made.add(role("r_" + i, Set.of()).roleId());
        }
        roles.create(new Role("o_2", "r_other", "别家", Set.of(), 0, 1, NOW, NOW));
        Set<String> seen = new HashSet<>();
        PageRequest page = PageRequest.first(2);
        int pages = 0;
        while (true) {
            var p = roles.list("o_1", page);
            pages++;
            p.items().forEach(r -> seen.add(r.roleId()));
            if (p.nextCursor() == null) {
                break;
            }
            page = new PageRequest(2, Optional.of(p.nextCursor()));
        }
        assertEquals(made, seen);
        assertEquals(3, pages);
    }

    @Test
    void aCursorOfOneOrgsRolesIsRefusedForAnotherOrg() {
        for (int i = 0; i < 3; i++) {
            role("r_c" + i, Set.of());
        }
        String cursor = roles.list("o_1", PageRequest.first(1)).nextCursor();
        org.junit.jupiter.api.Assertions.assertNotNull(cursor);
        cn.hbce.common.domain.Refusal e = org.junit.jupiter.api.Assertions.assertThrows(cn.hbce.common.domain.Refusal.class,
                () -> roles.list("o_2", new PageRequest(1, Optional.of(cursor))));
        assertEquals("INVALID_CURSOR", e.reason().code());
        assertEquals(1, roles.list("o_1", new PageRequest(1, Optional.of(cursor))).items().size());
    }
}
