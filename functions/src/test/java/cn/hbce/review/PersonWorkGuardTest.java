package cn.hbce.review;

import static cn.hbce.testing.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.account.AdminMembership;
import cn.hbce.common.domain.Conflict;
import cn.hbce.org.Org;
import cn.hbce.testing.Actors;
import cn.hbce.testing.Race;
import cn.hbce.testing.fakes.Fakes;
import cn.hbce.testing.fakes.InMemoryPersonWorkRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The person-level guard of the review engine with the kinds that are a person's own work
 * (HOURS_CLAIM, PERSON_CHANGE — submitted here through ReviewService.submit directly, as their
 * routes will): a transfer waits for them (409 PENDING_WORK with the list), they wait for a
 * transfer (409 TRANSFER_PENDING), and a claim and a transfer started together never both win.
 */
class PersonWorkGuardTest {
    private static final String PERSON = "p_transferee";
    private final Fakes fakes = new Fakes();
    private final InMemoryPersonWorkRegistry registry = new InMemoryPersonWorkRegistry();
    private final PersonWorkGuard guard = new PersonWorkGuard(registry, fakes.reviews, fakes.clock);
    private final ReviewService service = new ReviewService(fakes.reviews, fakes.workflow, Map.of(), fakes.audit, fakes.clock, guard);
    private final Org root = fakes.root();
    private final Org dept = fakes.department(root.orgId(), "孝感市人社局");
    private final AdminMembership deptAdmin = fakes.superAdminOf(dept);

    PersonWorkGuardTest() {
        fakes.workflow.attach(service);
    }

    private String submit(ReviewKind kind) {
        return service.submit(new ReviewService.Submission(kind, PERSON, Map.of("personId", PERSON, "name", "李四"),
                Map.of("personId", PERSON, "name", "李四"), "李四", List.of(List.of(dept.orgId()))),
                Actors.professional(PERSON, dept.orgId()).meta());
    }

    private boolean wins(Runnable action) {
        try {
            action.run();
            return true;
        } catch (Conflict refused) {
            return false;
        }
    }

    @Test
    void aPendingClaimOrChangeRefusesATransferWithTheListAndHoldsNothing() {
        String claim = submit(ReviewKind.HOURS_CLAIM);
        String change = submit(ReviewKind.PERSON_CHANGE);

        Conflict refused = org.junit.jupiter.api.Assertions.assertThrows(Conflict.class, () -> guard.holdForTransfer(PERSON, "t_1"));
        assertEquals("PENDING_WORK", refused.reason().code());
        assertEquals(java.util.Set.of(claim, change),
                refused.details().stream().map(d -> String.valueOf(d.get("reviewId"))).collect(java.util.stream.Collectors.toSet()));
        assertEquals(java.util.Set.of("HOURS_CLAIM", "PERSON_CHANGE"),
                refused.details().stream().map(d -> String.valueOf(d.get("kind"))).collect(java.util.stream.Collectors.toSet()));
        assertEquals(Optional.empty(), registry.holder(PERSON), "the refused transfer holds nothing");
    }

    @Test
    void onceTheWorkIsDecidedTheTransferMayStart() {
        String claim = submit(ReviewKind.HOURS_CLAIM);
        assertRefused("PENDING_WORK", () -> guard.holdForTransfer(PERSON, "t_1"));
        assertEquals(ReviewService.Outcome.DONE, fakes.decide(deptAdmin, claim, true));
        assertEquals(ReviewStatus.APPROVED, fakes.reviews.get(claim).orElseThrow().status());
        assertEquals(List.of(), registry.pending(PERSON), "the entry left with the end of the review");

        guard.holdForTransfer(PERSON, "t_1");
        assertEquals(Optional.of("t_1"), registry.holder(PERSON));
    }

    @Test
    void whileATransferHoldsThePersonClaimsAndChangesAreRefusedAndNothingIsSubmitted() {
        guard.holdForTransfer(PERSON, "t_1");
        for (ReviewKind kind : List.of(ReviewKind.HOURS_CLAIM, ReviewKind.PERSON_CHANGE)) {
            assertRefused("TRANSFER_PENDING", () -> submit(kind));
        }
        assertEquals(List.of(), registry.pending(PERSON), "a refused submission leaves no entry");
        assertTrue(fakes.audit.of("SUBMIT_HOURS_CLAIM").isEmpty() && fakes.audit.of("SUBMIT_PERSON_CHANGE").isEmpty(),
                "no review was submitted");
        assertRefused("TRANSFER_PENDING", () -> guard.holdForTransfer(PERSON, "t_2"), "a second transfer waits too");

        guard.release(PERSON, "t_1");
        String claim = submit(ReviewKind.HOURS_CLAIM);
        assertEquals(ReviewStatus.PENDING, fakes.reviews.get(claim).orElseThrow().status(), "after the transfer, claims go in");
    }

    @Test
    void otherKindsAboutThePersonAreNotTheirWork() {
        guard.holdForTransfer(PERSON, "t_1");
        String registration = submit(ReviewKind.PERSON_REGISTRATION);
        assertEquals(ReviewStatus.PENDING, fakes.reviews.get(registration).orElseThrow().status());
    }

    @Test
    void aClaimWrittenJustAfterTheHoldIsTakenLosesAndTheTransferWins() {
        AtomicInteger claims = new AtomicInteger();
        registry.afterHold = () -> {
            if (wins(() -> submit(ReviewKind.HOURS_CLAIM))) {
                claims.incrementAndGet();
            }
        };
        guard.holdForTransfer(PERSON, "t_1");
        assertEquals(0, claims.get(), "the claim saw the hold");
        assertEquals(Optional.of("t_1"), registry.holder(PERSON));
    }

    @Test
    void aTransferStartedJustAfterAClaimIndexedItselfLosesAndTheClaimWins() {
        AtomicInteger transfers = new AtomicInteger();
        registry.afterAddPending = () -> {
            if (wins(() -> guard.holdForTransfer(PERSON, "t_1"))) {
                transfers.incrementAndGet();
            }
        };
        String claim = submit(ReviewKind.HOURS_CLAIM);
        assertEquals(0, transfers.get(), "the transfer saw the claim's entry");
        assertEquals(Optional.empty(), registry.holder(PERSON));
        assertEquals(ReviewStatus.PENDING, fakes.reviews.get(claim).orElseThrow().status());
    }

    @Test
    void aClaimAndATransferStartedAtTheSameMomentNeverBothWin() throws Exception {
        for (int round = 0; round < 200; round++) {
            String person = "p_race_" + round;
            String transferId = "t_race_" + round;
            AtomicInteger turn = new AtomicInteger();
            List<Boolean> won = Race.run(2, () -> turn.getAndIncrement() == 0
                    ? wins(() -> guard.holdForTransfer(person, transferId))
                    : wins(() -> service.submit(new ReviewService.Submission(ReviewKind.HOURS_CLAIM, person,
                            Map.of("personId", person, "name", "王五"), Map.of(), "王五", List.of(List.of(dept.orgId()))),
                            Actors.professional(person, dept.orgId()).meta())));
            assertFalse(won.get(0) && won.get(1), "round " + round + ": both the claim and the transfer went through");
        }
    }
}
