package cn.hbce.devserver.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.AppContext;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.common.aws.AwsClients;
import cn.hbce.org.OrgType;
import cn.hbce.review.adapter.DynamoReviewRepository;
import cn.hbce.review.FinishReviewFunction;
import cn.hbce.review.OpenDecisionFunction;
import cn.hbce.review.ReviewStatus;
import cn.hbce.review.ReviewStep;
import cn.hbce.review.WorkflowCallRefused;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The approval's task functions (OpenDecision, FinishReview) invoked directly, as anyone allowed to
 * invoke a Lambda could: without the context of the running approval of that very review they are
 * refused and change nothing, while the real workflow on the devserver still completes.
 */
class WorkflowTaskGuardIT {
    private static final List<String> OUTCOMES = List.of("APPROVED", "REJECTED", "EXPIRED", "FAILED");
    private static Reviews.Tree tree;
    private static DynamoReviewRepository repository;

    @BeforeAll
    static void tree() {
        E2E.server();
        tree = Reviews.tree("守卫");
        repository = new DynamoReviewRepository(AwsClients.dynamo(), AppContext.get().config().tableName(),
                AppContext.get().cursors());
    }

    private static String execution(String reviewId) {
        return AppContext.get().config().approvalStateMachineArn().orElseThrow().replace(":stateMachine:", ":execution:")
                + ":" + reviewId;
    }

    private static void finish(String reviewId, String outcome, String executionId) {
        new FinishReviewFunction().handleRequest(new FinishReviewFunction.Input(reviewId, outcome, null, executionId), null);
    }

    private static void open(String reviewId, int stage, String orgId, String token, String executionId) {
        new OpenDecisionFunction().handleRequest(new OpenDecisionFunction.Input(reviewId, "PERSON_REGISTRATION", stage, orgId,
                token, executionId), null);
    }

    private static RegistrationStatus registration(String personId) {
        return AppContext.get().accounts().person(personId).orElseThrow().registration().status();
    }

    private static void assertStillPending(String reviewId, String personId) {
        assertEquals(ReviewStatus.PENDING, repository.get(reviewId).orElseThrow().status(), "the review is untouched");
        List<ReviewStep> steps = repository.steps(reviewId);
        assertEquals(1, steps.size(), steps::toString);
        assertEquals(ReviewStatus.PENDING, steps.get(0).status(), steps::toString);
        assertEquals(RegistrationStatus.PENDING, registration(personId), "the registration is untouched");
        assertEquals("PENDING", Reviews.detail(tree.deptToken(), reviewId).json().path("status").asText());
    }

    @Test
    void aFinishWithoutTheRunningApprovalOfItsReviewIsRefusedAndTheRealOneStillCompletes() {
        Reviews.Registered person = Reviews.registerPerson(tree.unit().orgId());
        String reviewId = Reviews.awaitPendingPerson(tree.deptToken(), person.subjectId());
        Reviews.Registered bystander = Reviews.registerPerson(tree.unit().orgId());
        String otherReview = Reviews.awaitPendingPerson(tree.deptToken(), bystander.subjectId());

        String forged = execution("r_made_up_0000000000000");
        for (String executionId : Arrays.asList(null, "", "not-an-arn", forged, execution(otherReview))) {
            for (String outcome : OUTCOMES) {
                assertThrows(WorkflowCallRefused.class, () -> finish(reviewId, outcome, executionId),
                        () -> outcome + " with execution " + executionId);
            }
        }
        // The review's own running execution, but an outcome nobody decided.
        assertThrows(WorkflowCallRefused.class, () -> finish(reviewId, "APPROVED", execution(reviewId)), "nobody approved");
        assertThrows(WorkflowCallRefused.class, () -> finish(reviewId, "REJECTED", execution(reviewId)), "nobody rejected");
        assertStillPending(reviewId, person.subjectId());
        assertStillPending(otherReview, bystander.subjectId());

        // The real workflow is unaffected: the decision goes through and the approval completes.
        assertEquals("DONE", Reviews.outcome(Reviews.decide(tree.deptToken(), Reviews.approve(reviewId)), reviewId));
        Reviews.awaitStatus(tree.deptToken(), reviewId, "APPROVED");
        assertEquals(RegistrationStatus.APPROVED, registration(person.subjectId()));

        // Its execution has ended: it cannot be used to finish anything any more.
        Reviews.await("the execution of " + reviewId + " to end", () -> AwsClients.sfn()
                .describeExecution(r -> r.executionArn(execution(reviewId))).statusAsString().equals("RUNNING")
                ? java.util.Optional.empty() : java.util.Optional.of(true));
        for (String outcome : OUTCOMES) {
            assertThrows(WorkflowCallRefused.class, () -> finish(reviewId, outcome, execution(reviewId)), outcome);
        }
        assertEquals(ReviewStatus.APPROVED, repository.get(reviewId).orElseThrow().status());
        assertEquals(RegistrationStatus.APPROVED, registration(person.subjectId()));
        assertStillPending(otherReview, bystander.subjectId());
    }

    @Test
    void anOpenDecisionWithoutTheRunningApprovalOrForAnOrgThatDoesNotDecideIsRefused() {
        Reviews.Registered person = Reviews.registerPerson(tree.unit().orgId());
        String reviewId = Reviews.awaitPendingPerson(tree.deptToken(), person.subjectId());
        Reviews.Registered bystander = Reviews.registerPerson(tree.unit().orgId());
        String otherReview = Reviews.awaitPendingPerson(tree.deptToken(), bystander.subjectId());
        String realToken = repository.steps(reviewId).get(0).taskToken();
        Fixtures.ApprovedOrg intruder = Fixtures.approvedOrg(OrgType.DEPARTMENT, Fixtures.ROOT_ORG_ID, TestData.orgName("部门", "闯入"));

        for (String executionId : Arrays.asList(null, "not-an-arn", execution("r_made_up_0000000000000"), execution(otherReview))) {
            assertThrows(WorkflowCallRefused.class, () -> open(reviewId, 0, tree.dept().orgId(), "forged-token", executionId),
                    () -> "replacing the decider's task token with execution " + executionId);
            assertThrows(WorkflowCallRefused.class, () -> open(reviewId, 0, intruder.orgId(), "forged-token", executionId),
                    () -> "planting a step with execution " + executionId);
        }
        assertThrows(WorkflowCallRefused.class, () -> open(reviewId, 0, intruder.orgId(), "forged-token", execution(reviewId)),
                "the running approval, but an org that does not decide");
        assertThrows(WorkflowCallRefused.class, () -> open(reviewId, 3, tree.dept().orgId(), "forged-token", execution(reviewId)),
                "a stage the review does not have");

        List<ReviewStep> steps = repository.steps(reviewId);
        assertEquals(1, steps.size(), steps::toString);
        assertEquals(realToken, steps.get(0).taskToken(), "the real task token is kept");
        assertEquals(0, Reviews.todo(Fixtures.token(intruder), "PERSON_REGISTRATION"), "nothing in the intruder's queue");

        assertEquals("DONE", Reviews.outcome(Reviews.decide(tree.deptToken(), Reviews.reject(reviewId, "材料不全")), reviewId));
        Reviews.awaitStatus(tree.deptToken(), reviewId, "REJECTED");
        assertEquals(RegistrationStatus.REJECTED, registration(person.subjectId()));
    }

    @Test
    void auditRecordsGoToTheAuditTableAndNotTheApplicationTable() {
        Reviews.Registered person = Reviews.registerPerson(tree.unit().orgId());
        String reviewId = Reviews.awaitPendingPerson(tree.deptToken(), person.subjectId());
        assertEquals("DONE", Reviews.outcome(Reviews.decide(tree.deptToken(), Reviews.approve(reviewId)), reviewId));
        assertTrue(OrgAdmin.auditActions(tree.dept().orgId()).contains("DECIDE_APPROVED"), "the decision is audited");

        String month = DateTimeFormatter.ofPattern("yyyy-MM").format(ZonedDateTime.now(ZoneOffset.ofHours(8)));
        var inAppTable = AwsClients.dynamo().query(q -> q.tableName(AppContext.get().config().tableName())
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("AUDIT#" + tree.dept().orgId() + "#" + month))));
        assertEquals(0, inAppTable.count(), "no audit record in the application table");
    }
}
