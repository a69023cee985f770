package cn.hbce.review;

import cn.hbce.review.adapter.DynamoReviewRepository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.domain.Actor;
import cn.hbce.testing.LocalTable;
import cn.hbce.testing.Race;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The review mechanism on dynalite, with the workflow replaced by a recording fake. */
class ReviewServiceIT {
    private static final String ORG = "o_decider";
    private final List<String> completed = new CopyOnWriteArrayList<>();
    private final List<AuditRecord> audit = new CopyOnWriteArrayList<>();
    private final AtomicBoolean workflowDown = new AtomicBoolean();
    private DynamoReviewRepository repository;
    private ReviewService service;

    private final ApprovalWorkflow workflow = new ApprovalWorkflow() {
        @Override
        public void start(String reviewId, ReviewKind kind, List<List<String>> stages) {
        }

        @Override
        public boolean complete(String taskToken, boolean approved, String comment) {
            if (workflowDown.get()) {
                throw new IllegalStateException("Step Functions unreachable");
            }
            completed.add(taskToken + ":" + approved);
            return true;
        }

        @Override
        public boolean isRunningApprovalOf(String executionId, String reviewId) {
            return execution(reviewId).equals(executionId) && !finishedExecutions.contains(executionId);
        }
    };

    private final Set<String> finishedExecutions = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static String execution(String reviewId) {
        return "arn:aws:states:us-east-1:000000000000:execution:approval:" + reviewId;
    }

    @BeforeEach
    void fresh() {
        repository = new DynamoReviewRepository(LocalTable.client(), LocalTable.create(),
                new cn.hbce.common.paging.CursorCodec("review-service-it-token-secret-32-bytes".getBytes()));
        service = new ReviewService(repository, workflow, Map.of(), audit::add, Clock.systemUTC());
    }

    private static Actor decider(String personId) {
        return new Actor(personId, "s", "DEPARTMENT", ORG, "a_" + personId, true, Set.of(), true, false);
    }

    private static AuditContext meta() {
        return new AuditContext("req", "127.0.0.1", "p", ORG);
    }

    private String openReview() {
        String reviewId = service.submit(new ReviewService.Submission(ReviewKind.PERSON_REGISTRATION, "p_subject",
                Map.of("name", "张三"), Map.of(), "张三", List.of(List.of(ORG))), meta());
        service.openStep(reviewId, 0, ORG, "token-" + reviewId, execution(reviewId));
        return reviewId;
    }

    @Test
    void ofTwoSimultaneousDecidersExactlyOneIsDone() throws Exception {
        String reviewId = openReview();
        List<String> who = Collections.synchronizedList(new ArrayList<>(List.of("p_a", "p_b")));
        List<ReviewService.Outcome> outcomes = Race.run(2, () -> service.decide(decider(who.remove(0)),
                List.of(new ReviewService.Decision(reviewId, true, null)), meta()).get(0).outcome());
        assertEquals(1, Collections.frequency(outcomes, ReviewService.Outcome.DONE), outcomes::toString);
        assertEquals(1, Collections.frequency(outcomes, ReviewService.Outcome.ALREADY_DECIDED), outcomes::toString);
        assertEquals(List.of("token-" + reviewId + ":true"), completed, "the workflow hears one decision");
    }

    @Test
    void aDecisionTheWorkflowNeverHeardIsUndoneAndCanBeMadeAgain() {
        String reviewId = openReview();
        workflowDown.set(true);
        assertThrows(IllegalStateException.class, () -> service.decide(decider("p_a"),
                List.of(new ReviewService.Decision(reviewId, false, "材料不全")), meta()));
        assertEquals(ReviewStatus.PENDING, repository.steps(reviewId).get(0).status(), "back in the queue");
        assertEquals(1, repository.countPending(ORG, ReviewKind.PERSON_REGISTRATION));
        assertEquals(0, audit.stream().filter(a -> a.action().startsWith("DECIDE_")).count(), "nothing decided was audited");

        workflowDown.set(false);
        assertEquals(ReviewService.Outcome.DONE, service.decide(decider("p_a"),
                List.of(new ReviewService.Decision(reviewId, true, null)), meta()).get(0).outcome());
        assertEquals(ReviewStatus.APPROVED, repository.steps(reviewId).get(0).status());
        assertEquals(List.of("token-" + reviewId + ":true"), completed);
    }

    @Test
    void aStepReopenedByTheWorkflowAfterItWasDecidedIsAnsweredAtOnce() {
        String reviewId = openReview();
        service.decide(decider("p_a"), List.of(new ReviewService.Decision(reviewId, false, "不符合条件")), meta());
        service.openStep(reviewId, 0, ORG, "token-after-restart", execution(reviewId));
        assertEquals(List.of("token-" + reviewId + ":false", "token-after-restart:false"), completed);
        assertEquals(1, repository.steps(reviewId).size());
    }

    @Test
    void onlyTheRunningApprovalOfTheReviewMayOpenAStepAndOnlyForADecider() {
        String reviewId = service.submit(new ReviewService.Submission(ReviewKind.PERSON_REGISTRATION, "p_subject",
                Map.of("name", "张三"), Map.of(), "张三", List.of(List.of(ORG))), meta());
        String other = service.submit(new ReviewService.Submission(ReviewKind.PERSON_REGISTRATION, "p_other",
                Map.of("name", "李四"), Map.of(), "李四", List.of(List.of(ORG))), meta());
        for (String forged : new String[] {null, "", "arn:aws:states:us-east-1:000000000000:execution:approval:r_forged",
                execution(other)}) {
            assertThrows(WorkflowCallRefused.class, () -> service.openStep(reviewId, 0, ORG, "token-x", forged), String.valueOf(forged));
        }
        assertThrows(WorkflowCallRefused.class, () -> service.openStep(reviewId, 0, "o_intruder", "token-x", execution(reviewId)),
                "an org that is not a decider of the stage");
        assertThrows(WorkflowCallRefused.class, () -> service.openStep(reviewId, 1, ORG, "token-x", execution(reviewId)),
                "a stage the review does not have");
        assertEquals(List.of(), repository.steps(reviewId), "nothing stored");
        assertEquals(0, repository.countPending(ORG, ReviewKind.PERSON_REGISTRATION), "in nobody's queue");
    }

    @Test
    void finishingNeedsTheRunningApprovalAndAnOutcomeTheDecisionsSupport() {
        String reviewId = openReview();
        String other = openReview();
        assertThrows(WorkflowCallRefused.class, () -> service.finish(reviewId, ReviewStatus.APPROVED, null));
        assertThrows(WorkflowCallRefused.class, () -> service.finish(reviewId, ReviewStatus.APPROVED, execution(other)));
        assertThrows(WorkflowCallRefused.class, () -> service.finish(reviewId, ReviewStatus.APPROVED, execution(reviewId)),
                "nobody approved yet");
        assertThrows(WorkflowCallRefused.class, () -> service.finish(reviewId, ReviewStatus.REJECTED, execution(reviewId)),
                "nobody rejected");
        assertEquals(ReviewStatus.PENDING, repository.get(reviewId).orElseThrow().status(), "nothing changed");
        assertEquals(ReviewStatus.PENDING, repository.steps(reviewId).get(0).status());
        assertEquals(0, audit.stream().filter(a -> a.action().equals("FINISH_REVIEW")).count());

        service.decide(decider("p_a"), List.of(new ReviewService.Decision(reviewId, true, null)), meta());
        assertThrows(WorkflowCallRefused.class, () -> service.finish(reviewId, ReviewStatus.REJECTED, execution(reviewId)),
                "the decision was an approval");
        service.finish(reviewId, ReviewStatus.APPROVED, execution(reviewId));
        assertEquals(ReviewStatus.APPROVED, repository.get(reviewId).orElseThrow().status());

        finishedExecutions.add(execution(other));
        assertThrows(WorkflowCallRefused.class, () -> service.finish(other, ReviewStatus.EXPIRED, execution(other)),
                "a finished execution");
        assertEquals(ReviewStatus.PENDING, repository.get(other).orElseThrow().status());
    }

    @Test
    void aKindTheCallerMayNotReviewIs403AndAQueueCursorOnlyContinuesItsOwnQuery() {
        for (int i = 0; i < 3; i++) {
            openReview();
        }
        Actor statsOnly = new Actor("p_stats", "s", "DEPARTMENT", ORG, "a_stats", false, Set.of("stats.view"), true, false);
        cn.hbce.common.domain.Refusal refused = assertThrows(cn.hbce.common.domain.Refusal.class, () -> service.list(statsOnly,
                new ReviewQuery(java.util.Optional.of(ReviewKind.PERSON_REGISTRATION), java.util.Optional.empty(),
                        java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), 10,
                        java.util.Optional.empty())));
        assertEquals("FORBIDDEN", refused.reason().code());
        assertEquals(List.of(), service.list(statsOnly, query(java.util.Optional.empty(), java.util.Optional.empty())).items(),
                "without a kind, nothing to see");

        var first = service.list(decider("p_1"), query(java.util.Optional.empty(), java.util.Optional.empty()));
        assertEquals(1, first.items().size());
        String cursor = first.nextCursor();
        assertEquals(1, service.list(decider("p_1"), query(java.util.Optional.empty(), java.util.Optional.of(cursor))).items().size());
        cn.hbce.common.domain.Refusal other = assertThrows(cn.hbce.common.domain.Refusal.class, () -> service.list(decider("p_1"),
                new ReviewQuery(java.util.Optional.empty(), java.util.Optional.of(ReviewStatus.PENDING), java.util.Optional.empty(),
                        java.util.Optional.empty(), java.util.Optional.empty(), 1, java.util.Optional.of(cursor))));
        assertEquals("INVALID_CURSOR", other.reason().code());
        Actor otherOrg = new Actor("p_x", "s", "DEPARTMENT", "o_other", "a_x", true, Set.of(), true, false);
        assertEquals("INVALID_CURSOR", assertThrows(cn.hbce.common.domain.Refusal.class,
                () -> service.list(otherOrg, query(java.util.Optional.empty(), java.util.Optional.of(cursor)))).reason().code());
    }

    private static ReviewQuery query(java.util.Optional<ReviewKind> kind, java.util.Optional<String> cursor) {
        return new ReviewQuery(kind, java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), 1, cursor);
    }
}
