package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.E2E.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A permission removed from a role stops working for tokens issued before the change, within the
 * role cache's lifetime (30 s in production, at most 60 s; 1 s in this test JVM, see the pom).
 */
class PermissionRevocationIT {

    @Test
    void aRemovedPermissionStopsWorkingForAnExistingToken() {
        OrgAdmin.Org org = OrgAdmin.department("撤权");
        String roleId = OrgAdmin.createRole(org, "下属管理", "subordinates.manage", "stats.view");
        String token = OrgAdmin.token(org, OrgAdmin.addNewUser(org, roleId));
        assertEquals(200, E2E.get("/v1/subordinates", token).status());
        long version = OrgAdmin.role(org, roleId).orElseThrow().path("version").asLong();

        E2E.Resp edit = E2E.put("/v1/org/roles/" + roleId, obj("permissions", List.of("stats.view"), "version", version),
                org.token());
        assertEquals(200, edit.status(), edit::toString);
        Instant changed = Instant.now();
        Reviews.await("the revoked permission refused", Duration.ofSeconds(10), () ->
                E2E.get("/v1/subordinates", token).status() == 403 ? Optional.of(true) : Optional.empty());
        assertTrue(Duration.between(changed, Instant.now()).compareTo(Duration.ofSeconds(60)) < 0);
        Fixtures.assertError(E2E.get("/v1/subordinates", token), 403, "FORBIDDEN");
        assertEquals(200, E2E.get("/v1/me", token).status(), "the session itself lives on");
    }
}
