package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Transfers and hours through their real routes: a pending hours claim refuses the transfer with the
 * list; once it is decided the transfer starts, and while it runs the person can neither claim hours
 * nor ask for a change; after B approves, the person's approved hours stay theirs and a new claim
 * goes to B's unit, not A's.
 */
class TransferWithHoursIT {

    @Test
    void pendingClaimsHoldTheTransferAndTheTransferHoldsNewWork() {
        Reviews.Tree a = Reviews.tree("调转学时A");
        Reviews.Tree b = Reviews.tree("调转学时B");
        String aUnit = Fixtures.token(a.unit());
        String bUnit = Fixtures.token(b.unit());
        Hours.Professional p = Hours.professional(a.unit().orgId(), "调转学时");

        E2E.Resp claimed = E2E.post("/v1/me/hours", Hours.claim("PUBLIC", "TRAINING", "调出前培训", 8), p.token());
        assertEquals(201, claimed.status(), claimed::toString);
        String recordId = claimed.json().path("recordId").asText();
        String reviewId = Hours.awaitPendingClaim(aUnit, recordId);

        E2E.Resp refused = Transfers.start(a.deptToken(), p.personId(), b.unit().orgId());
        assertError(refused, 409, "PENDING_WORK");
        assertEquals(reviewId, refused.json().path("details").get(0).path("reviewId").asText(), refused::toString);
        assertEquals("HOURS_CLAIM", refused.json().path("details").get(0).path("kind").asText());

        assertEquals("DONE", Reviews.outcome(Reviews.decide(aUnit, Reviews.approve(reviewId)), reviewId));
        Hours.awaitPendingClaim(a.deptToken(), recordId);
        assertEquals("DONE", Reviews.outcome(Reviews.decide(a.deptToken(), Reviews.approve(reviewId)), reviewId));
        Reviews.awaitStatus(a.deptToken(), reviewId, "APPROVED");

        E2E.Resp started = Reviews.await("the transfer admitted once the claim is decided", () -> {
            E2E.Resp r = Transfers.start(a.deptToken(), p.personId(), b.unit().orgId());
            return r.status() == 201 ? Optional.of(r) : Optional.empty();
        });
        String transferId = started.json().path("transferId").asText();

        assertError(E2E.post("/v1/me/hours", Hours.claim("PUBLIC", "ONLINE", "调转中的课", 2), p.token()), 409, "TRANSFER_PENDING");
        assertError(E2E.post("/v1/me/changes", E2E.obj("titleSeries", "卫生技术人员", "titleLevel", "副高级",
                "titleObtainedOn", Hours.YEAR + "-01-15"), p.token()), 409, "TRANSFER_PENDING");

        String transferIn = Reviews.awaitPending(b.deptToken(), "TRANSFER_IN", "personId", p.personId()).path("reviewId").asText();
        assertEquals("DONE", Reviews.outcome(Reviews.decide(b.deptToken(), Reviews.approve(transferIn)), transferIn));
        Transfers.awaitStatus(a.deptToken(), transferId, "APPROVED");
        assertEquals(b.unit().orgId(), Transfers.orgOf(p.personId()));

        // The hours stay the person's.
        assertEquals("APPROVED", Hours.mine(p.token(), recordId).orElseThrow().path("status").asText());
        assertEquals(8, Hours.annualStatus(p.token()).path("publicHours").asDouble());

        // A new claim is decided by the new chain: B's unit, not A's.
        JsonNode after = Reviews.await("a claim after the transfer", () -> {
            E2E.Resp r = E2E.post("/v1/me/hours", Hours.claim("PUBLIC", "ONLINE", "调入后的课", 2), p.token());
            return r.status() == 201 ? Optional.of(r.json()) : Optional.empty();
        });
        String newRecord = after.path("recordId").asText();
        Hours.awaitPendingClaim(bUnit, newRecord);
        assertFalse(E2E.get("/v1/reviews?kind=HOURS_CLAIM&status=PENDING&limit=100", aUnit).text().contains(newRecord),
                "A's unit no longer decides the person's claims");
        // The new org sees the person's history: the record opens on B's desk.
        E2E.Resp onB = E2E.get("/v1/hours/" + recordId, b.deptToken());
        assertEquals(200, onB.status(), onB::toString);
    }
}
