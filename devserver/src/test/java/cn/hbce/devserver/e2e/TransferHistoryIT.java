package cn.hbce.devserver.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * History follows the person (issue 14): a professional of A's unit with approved hours and the
 * year's certificate moves to B's unit; afterwards B's desks (department and unit) list the
 * records and the certificate, A's no longer do, and the person still sees both as their own.
 */
class TransferHistoryIT {

    private static String claim(Hours.Professional p, String category, String title, double hours) {
        E2E.Resp r = E2E.post("/v1/me/hours", Hours.claim(category, "TRAINING", title, hours), p.token());
        assertEquals(201, r.status(), r::toString);
        return r.json().path("recordId").asText();
    }

    private static List<String> hours(String token, Hours.Professional p) {
        return Hours.listAll(token, "q=" + Reviews.enc(p.name())).stream().map(i -> i.path("recordId").asText()).toList();
    }

    private static List<String> certificates(String token, Hours.Professional p) {
        return Transfers.listAll(token, "/v1/certificates", "q=" + Reviews.enc(p.name())).stream()
                .map(i -> i.path("certificateId").asText()).toList();
    }

    private static List<String> certificatesOfUnit(String token, String unitOrgId) {
        return Transfers.listAll(token, "/v1/certificates", "unitOrgId=" + unitOrgId).stream()
                .map(i -> i.path("certificateId").asText()).toList();
    }

    @Test
    void hoursRecordsAndTheCertificateAreListedByTheNewOrgAfterTheMove() {
        Reviews.Tree a = Reviews.tree("历史A");
        Reviews.Tree b = Reviews.tree("历史B");
        String aUnit = Fixtures.token(a.unit());
        String bUnit = Fixtures.token(b.unit());
        Hours.Professional p = Hours.professional(a.unit().orgId(), "历史");

        List<String> records = List.of(claim(p, "PUBLIC", "公需培训", 30), claim(p, "PROFESSIONAL", "专业研修", 60));
        List<String> reviews = new ArrayList<>();
        for (String recordId : records) {
            reviews.add(Hours.awaitPendingClaim(aUnit, recordId));
        }
        Reviews.outcomes(Reviews.decide(aUnit, reviews.stream().map(Reviews::approve).toList()), reviews.toArray(String[]::new))
                .values().forEach(o -> assertEquals("DONE", o));
        records.forEach(r -> Hours.awaitPendingClaim(a.deptToken(), r));
        Reviews.outcomes(Reviews.decide(a.deptToken(), reviews.stream().map(Reviews::approve).toList()), reviews.toArray(String[]::new))
                .values().forEach(o -> assertEquals("DONE", o));
        reviews.forEach(id -> Reviews.awaitStatus(a.deptToken(), id, "APPROVED"));
        String certificateId = Reviews.await("the year's certificate", () -> {
            E2E.Resp mine = E2E.get("/v1/me/certificates", p.token());
            assertEquals(200, mine.status(), mine::toString);
            JsonNode items = mine.json().path("items");
            return items.size() > 0 && "VALID".equals(items.get(0).path("status").asText())
                    ? Optional.of(items.get(0).path("certificateId").asText()) : Optional.empty();
        });

        // Before: A's department and unit list them, B's do not.
        assertEquals(records.size(), hours(a.deptToken(), p).size());
        assertTrue(hours(aUnit, p).containsAll(records));
        assertTrue(hours(b.deptToken(), p).isEmpty());
        assertEquals(List.of(certificateId), certificates(a.deptToken(), p));
        assertTrue(certificates(b.deptToken(), p).isEmpty());

        Transfers.Started t = Transfers.started(a.deptToken(), p.personId(), b.unit().orgId());
        String transferIn = Reviews.awaitPending(b.deptToken(), "TRANSFER_IN", "personId", p.personId()).path("reviewId").asText();
        assertEquals("DONE", Reviews.outcome(Reviews.decide(b.deptToken(), Reviews.approve(transferIn)), transferIn));
        JsonNode done = Transfers.awaitStatus(a.deptToken(), t.transferId(), "APPROVED");
        assertTrue(done.path("timeline").toString().contains("RECORDS_MOVED"), done::toString);

        // After: B's department and unit list the records, each once, and the certificate; A's do not.
        List<String> onB = hours(b.deptToken(), p);
        assertEquals(records.size(), onB.size(), onB::toString);
        assertTrue(onB.containsAll(records));
        assertTrue(hours(bUnit, p).containsAll(records), "B's unit desk too");
        for (JsonNode row : Hours.listAll(b.deptToken(), "q=" + Reviews.enc(p.name()))) {
            assertEquals(b.unit().orgId(), row.path("unitOrgId").asText(), row::toString);
            assertEquals("APPROVED", row.path("status").asText(), row::toString);
        }
        assertTrue(hours(a.deptToken(), p).isEmpty(), "the person left A's jurisdiction");
        assertTrue(hours(aUnit, p).isEmpty());
        assertEquals(List.of(certificateId), certificates(b.deptToken(), p));
        assertTrue(certificatesOfUnit(b.deptToken(), b.unit().orgId()).contains(certificateId), "under B's unit");
        assertTrue(certificates(a.deptToken(), p).isEmpty());
        assertFalse(certificatesOfUnit(a.deptToken(), a.unit().orgId()).contains(certificateId));

        // The person still has both, and the totals are unchanged.
        records.forEach(r -> assertEquals("APPROVED", Hours.mine(p.token(), r).orElseThrow().path("status").asText()));
        assertEquals(90, Hours.annualStatus(p.token()).path("totalHours").asDouble());
        E2E.Resp mine = E2E.get("/v1/me/certificates", p.token());
        assertEquals(certificateId, mine.json().path("items").get(0).path("certificateId").asText(), mine::toString);
        assertEquals(200, E2E.get("/v1/certificates/" + certificateId + "/pdf", b.deptToken()).status(), "B may print it");
    }
}
