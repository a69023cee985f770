package cn.hbce.review;

import static cn.hbce.testing.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.account.AdminMembership;
import cn.hbce.org.Org;
import cn.hbce.review.ReviewService.Outcome;
import cn.hbce.testing.Actors;
import cn.hbce.testing.Actors.TestActor;
import cn.hbce.testing.Race;
import cn.hbce.testing.fakes.FakeApprovalWorkflow;
import cn.hbce.testing.fakes.Fakes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The review mechanism at the service level, with the approval workflow played in memory. */
class ReviewServiceTest {
    private final Fakes fakes = new Fakes();
    private final ReviewService service = fakes.reviewService;
    private final Org root = fakes.root();
    private final Org city = fakes.department(root.orgId(), "武汉市人社局");
    private final Org county = fakes.department(city.orgId(), "江岸区人社局");
    private final Org other = fakes.department(city.orgId(), "江汉区人社局");
    private final AdminMembership rootAdmin = fakes.superAdminOf(root);
    private final AdminMembership cityAdmin = fakes.superAdminOf(city);
    private final AdminMembership countyAdmin = fakes.superAdminOf(county);
    private final AdminMembership otherAdmin = fakes.superAdminOf(other);
    private final TestActor submitter = Actors.professional("p_submitter", county.orgId());

    @AfterEach
    void theWorkflowNeverFailedToCallBack() {
        assertEquals(List.of(), fakes.workflow.callbackErrors());
    }

    private String submit(ReviewKind kind, List<List<String>> stages) {
        return service.submit(new ReviewService.Submission(kind, "p_subject", Map.of("name", "张三"), Map.of("name", "张三"),
                "张三 材料", stages), submitter.meta());
    }

    private static ReviewService.Decision approve(String reviewId) {
        return new ReviewService.Decision(reviewId, true, null);
    }

    private Outcome decide(TestActor who, ReviewService.Decision d) {
        return service.decide(who.principal(), List.of(d), who.meta()).get(0).outcome();
    }

    @Test
    void stagesOpenInOrderAndEveryOrgOfAStageMustApprove() {
        String reviewId = submit(ReviewKind.ANNUAL_PLAN, List.of(List.of(county.orgId()), List.of(city.orgId(), other.orgId())));
        assertEquals(List.of(county.orgId()), fakes.workflow.waitingFor(reviewId));
        assertEquals(Outcome.NOT_FOUND, fakes.decide(cityAdmin, reviewId, true), "the second stage is not open yet");

        assertEquals(Outcome.DONE, fakes.decide(countyAdmin, reviewId, true));
        assertEquals(Set.of(city.orgId(), other.orgId()), Set.copyOf(fakes.workflow.waitingFor(reviewId)));
        assertEquals(Outcome.DONE, fakes.decide(cityAdmin, reviewId, true));
        assertEquals(ReviewStatus.PENDING, fakes.reviews.get(reviewId).orElseThrow().status(), "one of two approved");
        assertEquals(Outcome.DONE, fakes.decide(otherAdmin, reviewId, true));
        assertEquals(ReviewStatus.APPROVED, fakes.reviews.get(reviewId).orElseThrow().status());
        assertEquals(Optional.of(ReviewStatus.APPROVED), fakes.workflow.outcome(reviewId));
        assertEquals(1, fakes.audit.of("FINISH_REVIEW").size());
    }

    @Test
    void aRejectionEndsTheReviewAndClosesTheOtherDecidersSteps() {
        String reviewId = submit(ReviewKind.SUPERIOR_CHANGE, List.of(List.of(city.orgId(), other.orgId())));
        assertEquals(Outcome.DONE, decide(Actors.superAdmin(otherAdmin),
                new ReviewService.Decision(reviewId, false, "不同意划转")));
        assertEquals(ReviewStatus.REJECTED, fakes.reviews.get(reviewId).orElseThrow().status());
        assertEquals(Outcome.ALREADY_DECIDED, fakes.decide(cityAdmin, reviewId, true));
        assertEquals(List.of(ReviewStatus.CANCELLED, ReviewStatus.REJECTED), fakes.reviews.steps(reviewId).stream()
                .sorted(java.util.Comparator.comparing((ReviewStep s) -> !s.orgId().equals(city.orgId())))
                .map(ReviewStep::status).toList());
        assertEquals(0, fakes.reviews.countPending(city.orgId(), ReviewKind.SUPERIOR_CHANGE), "gone from the queue");
    }

    @Test
    void aStepIsDecidedOnceAndUnknownOrForeignReviewsAreNotFound() {
        String reviewId = submit(ReviewKind.PERSON_REGISTRATION, List.of(List.of(county.orgId())));
        assertEquals(Outcome.NOT_FOUND, fakes.decide(otherAdmin, reviewId, true), "another org's review");
        assertEquals(Outcome.NOT_FOUND, fakes.decide(countyAdmin, "r_unknown", true));
        assertEquals(Outcome.DONE, fakes.decide(countyAdmin, reviewId, false));
        assertEquals(Outcome.ALREADY_DECIDED, fakes.decide(countyAdmin, reviewId, true));
        assertEquals(ReviewStatus.REJECTED, fakes.reviews.get(reviewId).orElseThrow().status());
    }

    @Test
    void aCallerWithoutTheKindsPermissionSeesNothingOfIt() {
        String reviewId = submit(ReviewKind.PERSON_REGISTRATION, List.of(List.of(county.orgId())));
        AdminMembership changesOnly = fakes.seat(county, fakes.person("变更审核员", "Aa1!Secure#2026"), false, null);
        TestActor limited = Actors.admin(changesOnly, Set.of("review.change"));
        assertEquals(Outcome.NOT_FOUND, decide(limited, approve(reviewId)));
        assertRefused("NOT_FOUND", () -> service.detail(limited.principal(), reviewId));
        assertRefused("FORBIDDEN", () -> service.list(limited.principal(), new ReviewQuery(
                Optional.of(ReviewKind.PERSON_REGISTRATION), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 10, Optional.empty())));
        assertEquals(0, service.todo(limited.principal()).total());
        assertEquals(1, service.todo(Actors.superAdmin(countyAdmin).principal()).total());
        assertEquals(ReviewStatus.PENDING, fakes.reviews.steps(reviewId).get(0).status());
    }

    @Test
    void nobodyDecidesAReviewTheySubmittedOrThatIsAboutThem() {
        AdminMembership submitterSeat = fakes.seat(county, fakes.person("提交人", "Aa1!Secure#2026"), true, null);
        TestActor submitting = Actors.superAdmin(submitterSeat);
        String own = service.submit(new ReviewService.Submission(ReviewKind.ANNUAL_PLAN, "o_plan", Map.of(), Map.of(), "计划",
                List.of(List.of(county.orgId()))), submitting.meta());
        assertEquals(Outcome.SELF_REVIEW, decide(submitting, approve(own)));

        AdminMembership subjectSeat = fakes.seat(county, fakes.person("被审人", "Aa1!Secure#2026"), true, null);
        String aboutMe = service.submit(new ReviewService.Submission(ReviewKind.PERSON_CHANGE, subjectSeat.personId(), Map.of(),
                Map.of(), "变更", List.of(List.of(county.orgId()))), submitter.meta());
        assertEquals(Outcome.SELF_REVIEW, decide(Actors.superAdmin(subjectSeat), approve(aboutMe)));
        assertEquals(List.of("FAILURE:SELF_REVIEW"), fakes.audit.results("DECIDE", own));
        assertEquals(Outcome.DONE, fakes.decide(countyAdmin, own, true), "a colleague may");
    }

    @Test
    void ofTwoSimultaneousDecidersOneWinsAndTheWorkflowHearsOneDecision() throws Exception {
        AdminMembership second = fakes.seat(county, fakes.person("第二审核人", "Aa1!Secure#2026"), true, null);
        for (int round = 0; round < 5; round++) {
            String reviewId = submit(ReviewKind.PERSON_REGISTRATION, List.of(List.of(county.orgId())));
            List<AdminMembership> deciders = Collections.synchronizedList(new ArrayList<>(List.of(countyAdmin, second)));
            List<Outcome> outcomes = Race.run(2, () -> fakes.decide(deciders.remove(0), reviewId, true));
            assertEquals(1, Collections.frequency(outcomes, Outcome.DONE), outcomes::toString);
            assertEquals(1, Collections.frequency(outcomes, Outcome.ALREADY_DECIDED), outcomes::toString);
            assertEquals(Optional.of(ReviewStatus.APPROVED), fakes.workflow.outcome(reviewId));
        }
        assertEquals(5, fakes.audit.of("DECIDE_APPROVED").size());
    }

    @Test
    void aDecisionTheWorkflowCouldNotHearIsTakenBackAndCanBeMadeAgain() {
        String reviewId = submit(ReviewKind.PERSON_REGISTRATION, List.of(List.of(county.orgId())));
        fakes.workflow.reachable(false);
        TestActor decider = Actors.superAdmin(countyAdmin);
        assertThrows(RuntimeException.class, () -> decide(decider, new ReviewService.Decision(reviewId, false, "材料不全")));
        assertEquals(ReviewStatus.PENDING, fakes.reviews.steps(reviewId).get(0).status(), "back in the queue");
        assertEquals(1, service.todo(decider.principal()).total());
        assertTrue(fakes.audit.of("DECIDE_REJECTED").isEmpty(), "nothing decided was audited");

        fakes.workflow.reachable(true);
        assertEquals(Outcome.DONE, decide(decider, approve(reviewId)));
        assertEquals(ReviewStatus.APPROVED, fakes.reviews.get(reviewId).orElseThrow().status());
    }

    @Test
    void aBatchAnswersEachItemInOrder() {
        String a = submit(ReviewKind.PERSON_REGISTRATION, List.of(List.of(county.orgId())));
        String b = submit(ReviewKind.PERSON_REGISTRATION, List.of(List.of(county.orgId())));
        fakes.decide(countyAdmin, b, true);
        TestActor decider = Actors.superAdmin(countyAdmin);
        List<ReviewService.Result> results = service.decide(decider.principal(),
                List.of(approve(a), approve(b), approve("r_none")), decider.meta());
        assertEquals(List.of(a, b, "r_none"), results.stream().map(ReviewService.Result::reviewId).toList());
        assertEquals(List.of(Outcome.DONE, Outcome.ALREADY_DECIDED, Outcome.NOT_FOUND),
                results.stream().map(ReviewService.Result::outcome).toList());
    }

    @Test
    void onlyTheRunningApprovalOfTheReviewMayFinishItAndOnlyAsDecided() {
        String reviewId = submit(ReviewKind.PERSON_REGISTRATION, List.of(List.of(county.orgId())));
        String arn = FakeApprovalWorkflow.executionArn(reviewId);
        assertThrows(WorkflowCallRefused.class, () -> service.finish(reviewId, ReviewStatus.APPROVED, null));
        assertThrows(WorkflowCallRefused.class, () -> service.finish(reviewId, ReviewStatus.APPROVED,
                FakeApprovalWorkflow.executionArn("r_other")));
        assertThrows(WorkflowCallRefused.class, () -> service.finish(reviewId, ReviewStatus.APPROVED, arn), "nobody approved");
        assertThrows(WorkflowCallRefused.class, () -> service.finish(reviewId, ReviewStatus.REJECTED, arn), "nobody rejected");
        assertThrows(WorkflowCallRefused.class, () -> service.openStep(reviewId, 0, other.orgId(), "token-x", arn),
                "not a decider of the stage");
        assertEquals(ReviewStatus.PENDING, fakes.reviews.get(reviewId).orElseThrow().status());

        fakes.decide(countyAdmin, reviewId, true);
        assertThrows(WorkflowCallRefused.class, () -> service.finish(reviewId, ReviewStatus.EXPIRED, arn),
                "the execution has ended");
        assertEquals(ReviewStatus.APPROVED, fakes.reviews.get(reviewId).orElseThrow().status());
    }

    @Test
    void anExpiredReviewClosesItsOpenStepsAndLeavesTheQueue() {
        String reviewId = submit(ReviewKind.PERSON_REGISTRATION, List.of(List.of(county.orgId(), city.orgId())));
        fakes.decide(cityAdmin, reviewId, true);
        fakes.workflow.expire(reviewId);
        assertEquals(ReviewStatus.EXPIRED, fakes.reviews.get(reviewId).orElseThrow().status());
        assertEquals(Outcome.ALREADY_DECIDED, fakes.decide(countyAdmin, reviewId, true));
        assertEquals(0, service.todo(Actors.superAdmin(countyAdmin).principal()).total());
    }

    @Test
    void aStepOpenedAgainAfterItWasDecidedIsAnsweredAtOnce() {
        String reviewId = submit(ReviewKind.ANNUAL_PLAN, List.of(List.of(county.orgId(), city.orgId()), List.of(root.orgId())));
        fakes.decide(countyAdmin, reviewId, true);
        fakes.workflow.reopenCurrentStage(reviewId);
        assertEquals(List.of(city.orgId()), fakes.workflow.waitingFor(reviewId), "the decided org is not asked again");
        fakes.decide(cityAdmin, reviewId, true);
        assertEquals(List.of(root.orgId()), fakes.workflow.waitingFor(reviewId));
        assertEquals(Outcome.DONE, fakes.decide(rootAdmin, reviewId, true));
        assertEquals(ReviewStatus.APPROVED, fakes.reviews.get(reviewId).orElseThrow().status());
    }
}
