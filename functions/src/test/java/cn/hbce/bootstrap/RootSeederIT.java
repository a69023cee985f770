package cn.hbce.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.account.AdminMembership;
import cn.hbce.account.adapter.DynamoAccountRepository;
import cn.hbce.account.PasswordHasher;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.org.adapter.DynamoOrgRepository;
import cn.hbce.org.subordinates.adapter.DynamoSubordinateRepository;
import cn.hbce.testing.LocalTable;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SeedRootFunction on dynalite: it creates the root super admin once, then refuses and changes nothing. */
class RootSeederIT {
    private static final Map<String, String> FIRST = Map.of("idCard", "420106198001010015", "name", "省厅管理员",
            "phone", "13900000000", "password", "Hbce@Root2026");
    private static final Map<String, String> SECOND = Map.of("idCard", "11010519491231002X", "name", "冒名者",
            "phone", "13900000001", "password", "Attacker#2026x");
    private final List<AuditRecord> audit = new CopyOnWriteArrayList<>();
    private DynamoAccountRepository accounts;
    private DynamoSubordinateRepository seats;
    private SeedRootFunction function;

    @BeforeEach
    void fresh() {
        String table = LocalTable.create();
        var dynamo = LocalTable.client();
        var orgs = new DynamoOrgRepository(dynamo, table);
        accounts = new DynamoAccountRepository(dynamo, table);
        seats = new DynamoSubordinateRepository(dynamo, table,
                new cn.hbce.common.paging.CursorCodec("root-seeder-it-token-secret-of-32-bytes".getBytes()));
        Bootstrap bootstrap = new Bootstrap(orgs, accounts, new PasswordHasher(), audit::add, Clock.systemUTC());
        function = new SeedRootFunction(new RootSeeder(bootstrap, seats));
    }

    @Test
    void theFirstRunCreatesTheRootSuperAdmin() {
        assertEquals(Map.of("orgId", Bootstrap.ROOT_ORG_ID, "status", "READY"), function.handleRequest(FIRST, null));
        List<AdminMembership> root = seats.seats(Bootstrap.ROOT_ORG_ID);
        assertEquals(1, root.size());
        assertTrue(root.get(0).superAdmin());
    }

    @Test
    void onceTheRootHasASuperAdminItRefusesAndChangesNothing() {
        function.handleRequest(FIRST, null);
        String rootPerson = seats.seats(Bootstrap.ROOT_ORG_ID).get(0).personId();
        String hashBefore = accounts.person(rootPerson).orElseThrow().passwordHash();
        int auditBefore = audit.size();

        RootSeeder.AlreadySeeded refused = assertThrows(RootSeeder.AlreadySeeded.class, () -> function.handleRequest(SECOND, null));
        assertTrue(refused.getMessage().contains("already has a super admin"), refused.getMessage());
        assertThrows(RootSeeder.AlreadySeeded.class, () -> function.handleRequest(FIRST, null), "also with the same input");

        assertEquals(1, seats.seats(Bootstrap.ROOT_ORG_ID).size(), "no second seat");
        assertFalse(accounts.personIdForIdCard(SECOND.get("idCard")).isPresent(), "no person created");
        assertEquals(hashBefore, accounts.person(rootPerson).orElseThrow().passwordHash(), "the root's password is untouched");
        assertEquals(auditBefore, audit.size(), "nothing happened, so nothing audited");
    }
}
