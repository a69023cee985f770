package cn.hbce.devserver.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.hbce.AppContext;
import cn.hbce.account.PersonRegistration;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.bootstrap.Bootstrap;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Helpers of the transfer tests: approved professionals, starting a transfer, waiting for its end, lists. */
final class Transfers {
    private Transfers() {
    }

    /** An APPROVED professional of {@code orgId} (made with Bootstrap, in this JVM). */
    record Pro(String personId, String idCard, String name) {
    }

    static Pro professional(String orgId, String tag) {
        E2E.server();
        String idCard = TestData.idCard();
        String name = TestData.personName(tag);
        String personId = AppContext.get().bootstrap().ensurePerson(new Bootstrap.Account(idCard, name, TestData.phone(), TestData.PASSWORD),
                new PersonRegistration(orgId, RegistrationStatus.APPROVED, "卫生技术人员", "中级"));
        return new Pro(personId, idCard, name);
    }

    static E2E.Resp start(String token, String personId, String toOrgId) {
        return E2E.post("/v1/transfers", E2E.obj("personId", personId, "toOrgId", toOrgId, "reason", "工作调动",
                "effectiveDate", "2026-12-01"), token);
    }

    record Started(String transferId, String reviewId) {
    }

    static Started started(String token, String personId, String toOrgId) {
        E2E.Resp r = start(token, personId, toOrgId);
        assertEquals(201, r.status(), () -> "transfer: " + r);
        assertEquals("PENDING", r.json().path("status").asText(), r::toString);
        return new Started(r.json().path("transferId").asText(), r.json().path("reviewId").asText());
    }

    static JsonNode detail(String token, String transferId) {
        E2E.Resp r = E2E.get("/v1/transfers/" + transferId, token);
        assertEquals(200, r.status(), () -> "transfer detail: " + r);
        return r.json();
    }

    /** Waits until the transfer has this status (as {@code token}'s org sees it); returns the detail. */
    static JsonNode awaitStatus(String token, String transferId, String status) {
        String[] last = {null};
        return Reviews.await(() -> "transfer " + transferId + " to become " + status + " (last: " + last[0] + ")", Reviews.WAIT, () -> {
            JsonNode d = detail(token, transferId);
            last[0] = d.path("status").asText();
            return status.equals(last[0]) ? Optional.of(d) : Optional.empty();
        });
    }

    /** Every item of GET {@code path}?{@code query}, following nextCursor. */
    static List<JsonNode> listAll(String token, String path, String query) {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            String q = query + (query.isEmpty() ? "" : "&") + "limit=100" + (cursor == null ? "" : "&cursor=" + Reviews.enc(cursor));
            E2E.Resp r = E2E.get(path + "?" + q, token);
            assertEquals(200, r.status(), () -> path + "?" + q + ": " + r);
            r.json().path("items").forEach(out::add);
            JsonNode next = r.json().path("nextCursor");
            if (next.isNull() || next.isMissingNode()) {
                return out;
            }
            cursor = next.asText();
        }
        return out;
    }

    static boolean lists(List<JsonNode> items, String field, String value) {
        return items.stream().anyMatch(i -> value.equals(i.path(field).asText(null)));
    }

    static String orgOf(String personId) {
        return AppContext.get().accounts().person(personId).orElseThrow().registration().orgId();
    }
}
