package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.Fixtures.assertValidation;
import static cn.hbce.devserver.e2e.Reviews.approve;
import static cn.hbce.devserver.e2e.Reviews.reject;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * POST /v1/reviews/decisions on person registrations: deciding twice, races of two deciders (two
 * sessions of one super admin, and two admins of the deciding org), per-item outcomes, and the
 * batch's validation (REJECT needs a comment, at most 100, nothing decided when a batch is refused).
 */
class ReviewDecisionsIT {

    @Test
    void decidingTwiceIsAlreadyDecidedBeforeAndAfterTheWorkflowFinished() {
        Reviews.Tree t = Reviews.tree("二次");
        Reviews.Registered p = Reviews.registerPerson(t.unit().orgId());
        String review = Reviews.awaitPendingPerson(t.deptToken(), p.subjectId());

        assertEquals("DONE", Reviews.outcome(Reviews.decide(t.deptToken(), reject(review, "学历信息不实")), review));
        assertEquals("ALREADY_DECIDED", Reviews.outcome(Reviews.decide(t.deptToken(), reject(review, "再次驳回")), review));
        assertEquals("ALREADY_DECIDED", Reviews.outcome(Reviews.decide(t.deptToken(), approve(review)), review));
        Reviews.awaitStatus(t.deptToken(), review, "REJECTED");
        assertEquals("ALREADY_DECIDED", Reviews.outcome(Reviews.decide(t.deptToken(), approve(review)), review));
        assertEquals("REJECTED", Reviews.detail(t.deptToken(), review).json().path("status").asText());
        Fixtures.assertError(Fixtures.login("PERSON", p.idCard(), p.password()), 403, "ACCOUNT_REJECTED");
    }

    @Test
    void twoSessionsOfOneSuperAdminDecidingAtOnceGetExactlyOneDone() {
        Reviews.Tree t = Reviews.tree("同号");
        String second = Fixtures.token(t.dept());
        for (int round = 0; round < 3; round++) {
            Reviews.Registered p = Reviews.registerPerson(t.unit().orgId());
            String review = Reviews.awaitPendingPerson(t.deptToken(), p.subjectId());
            race(t.deptToken(), second, review, p);
        }
        assertEquals(0, Reviews.todoTotal(t.deptToken()));
    }

    @Test
    void twoAdminsOfTheDecidingOrgDecidingAtOnceGetExactlyOneDone() {
        Reviews.Tree t = Reviews.tree("两人");
        String reviewer = Fixtures.token("DEPARTMENT", Fixtures.extraAdmin(t.dept(),
                Fixtures.role(t.dept().orgId(), "review.registration", "stats.view")), TestData.PASSWORD);
        for (int round = 0; round < 3; round++) {
            Reviews.Registered p = Reviews.registerPerson(round % 2 == 0 ? t.unit().orgId() : t.base().orgId());
            String review = Reviews.awaitPendingPerson(reviewer, p.subjectId());
            race(t.deptToken(), reviewer, review, p);
        }
        assertEquals(0, Reviews.todoTotal(reviewer));
    }

    /** One approves, one rejects, at the same instant: exactly one DONE, and the outcome is the winner's. */
    private static void race(String approver, String rejecter, String review, Reviews.Registered p) {
        List<Callable<E2E.Resp>> calls = List.of(
                () -> Reviews.decide(approver, approve(review)),
                () -> Reviews.decide(rejecter, reject(review, "同时驳回")));
        List<E2E.Resp> answers = E2E.concurrently(calls);
        String approved = Reviews.outcome(answers.get(0), review);
        String rejected = Reviews.outcome(answers.get(1), review);
        assertEquals(List.of("ALREADY_DECIDED", "DONE"), List.of(approved, rejected).stream().sorted().toList(),
                () -> "exactly one DONE: " + answers);
        if (approved.equals("DONE")) {
            Reviews.awaitStatus(approver, review, "APPROVED");
            assertEquals(200, Fixtures.login("PERSON", p.idCard(), p.password()).status());
        } else {
            Reviews.awaitStatus(approver, review, "REJECTED");
            Fixtures.assertError(Fixtures.login("PERSON", p.idCard(), p.password()), 403, "ACCOUNT_REJECTED");
        }
    }

    @Test
    void aRejectWithoutACommentIs400AndTheWholeBatchDecidesNothing() {
        Reviews.Tree t = Reviews.tree("无评");
        Reviews.Registered a = Reviews.registerPerson(t.unit().orgId());
        Reviews.Registered b = Reviews.registerPerson(t.unit().orgId());
        String ra = Reviews.awaitPendingPerson(t.deptToken(), a.subjectId());
        String rb = Reviews.awaitPendingPerson(t.deptToken(), b.subjectId());

        assertValidation(Reviews.decide(t.deptToken(), approve(ra), E2E.obj("reviewId", rb, "decision", "REJECT")),
                "decisions[1].comment");
        assertValidation(Reviews.decide(t.deptToken(), approve(ra), reject(rb, "   ")), "decisions[1].comment");
        assertValidation(Reviews.decide(t.deptToken(), approve(ra), reject(rb, "")), "decisions[1].comment");
        assertValidation(Reviews.decide(t.deptToken(), approve(ra), reject(rb, null)), "decisions[1].comment");

        assertEquals(2, Reviews.todo(t.deptToken(), "PERSON_REGISTRATION"), "nothing of a refused batch was decided");
        assertEquals("PENDING", Reviews.detail(t.deptToken(), ra).json().path("status").asText());
        assertEquals("PENDING", Reviews.detail(t.deptToken(), ra).json().path("steps").get(0).path("status").asText());
        assertEquals(Map.of(ra, "DONE", rb, "DONE"),
                Reviews.outcomes(Reviews.decide(t.deptToken(), approve(ra), reject(rb, "补正后再报")), ra, rb));
    }

    @Test
    void malformedBatchesAre400() {
        String token = Reviews.tree("格式").deptToken();
        assertValidation(E2E.post("/v1/reviews/decisions", E2E.obj("decisions", List.of()), token), "decisions");
        assertValidation(E2E.post("/v1/reviews/decisions", E2E.obj(), token), "decisions");
        assertValidation(Reviews.decide(token, E2E.obj("reviewId", "r_x", "decision", "approve")), "decisions[0].decision");
        assertValidation(Reviews.decide(token, E2E.obj("reviewId", "r_x", "decision", "PASS")), "decisions[0].decision");
        assertValidation(Reviews.decide(token, E2E.obj("reviewId", "r_x")), "decisions[0].decision");
        assertValidation(Reviews.decide(token, E2E.obj("decision", "APPROVE")), "decisions[0].reviewId");
        assertValidation(Reviews.decide(token, approve("r_x"), approve("r_x")), "decisions[1].reviewId");
        assertValidation(Reviews.decide(token, reject("r_x", "长".repeat(501))), "decisions[0].comment");
    }

    @Test
    void moreThan100DecisionsAre400AndExactly100AreAnswered() {
        Reviews.Tree t = Reviews.tree("百");
        Reviews.Registered p = Reviews.registerPerson(t.unit().orgId());
        String review = Reviews.awaitPendingPerson(t.deptToken(), p.subjectId());

        List<Map<String, Object>> many = new ArrayList<>();
        many.add(approve(review));
        for (int i = 1; i <= 100; i++) {
            many.add(approve("r_unknown_" + i));
        }
        assertValidation(Reviews.decide(t.deptToken(), many), "decisions");
        assertEquals("PENDING", Reviews.detail(t.deptToken(), review).json().path("status").asText(),
                "nothing of a refused batch was decided");

        List<Map<String, Object>> hundred = many.subList(0, 100);
        E2E.Resp r = Reviews.decide(t.deptToken(), hundred);
        String[] ids = hundred.stream().map(d -> (String) d.get("reviewId")).toArray(String[]::new);
        Map<String, String> outcomes = Reviews.outcomes(r, ids);
        assertEquals("DONE", outcomes.get(review));
        assertEquals(99, outcomes.values().stream().filter("NOT_FOUND"::equals).count(), outcomes::toString);
        Reviews.awaitStatus(t.deptToken(), review, "APPROVED");
    }

    @Test
    void anUnknownReviewIsNotFoundBesideOthersThatAreDone() {
        Reviews.Tree t = Reviews.tree("未知");
        Reviews.Registered p = Reviews.registerPerson(t.unit().orgId());
        String review = Reviews.awaitPendingPerson(t.deptToken(), p.subjectId());
        E2E.Resp r = Reviews.decide(t.deptToken(), approve("r_does_not_exist"), reject(review, "不符合条件"),
                reject("REVIEW#" + review, "键注入"));
        assertEquals(Map.of("r_does_not_exist", "NOT_FOUND", review, "DONE", "REVIEW#" + review, "NOT_FOUND"),
                Reviews.outcomes(r, "r_does_not_exist", review, "REVIEW#" + review));
        Reviews.awaitStatus(t.deptToken(), review, "REJECTED");
    }
}
