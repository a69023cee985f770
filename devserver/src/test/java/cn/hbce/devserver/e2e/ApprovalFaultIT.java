package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.AppContext;
import cn.hbce.account.PersonRegistration;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.bootstrap.Bootstrap;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.aws.AwsClients;
import cn.hbce.common.domain.Actor;
import cn.hbce.emulator.sfn.LambdaInvocationException;
import cn.hbce.emulator.sfn.LambdaInvoker;
import cn.hbce.review.adapter.DynamoReviewRepository;
import cn.hbce.review.FinishReviewFunction;
import cn.hbce.review.OpenDecisionFunction;
import cn.hbce.review.Review;
import cn.hbce.review.ReviewEffect;
import cn.hbce.review.ReviewKind;
import cn.hbce.review.ReviewService;
import cn.hbce.review.ReviewStatus;
import cn.hbce.review.ReviewStep;
import cn.hbce.review.adapter.SfnApprovalWorkflow;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Fault tests of the real approval state machine (statemachines/approval.asl.json) on a separate
 * local Step Functions with a manual clock, whose Lambda tasks call the real OpenDecision and
 * FinishReview handlers in this JVM (against the shared devserver's table) — except when a test
 * makes an invocation fail as Lambda would with a transient service error.
 */
class ApprovalFaultIT {
    private static final String OPEN = "FaultOpenDecision";
    private static final String FINISH = "FaultFinishReview";
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Invoker invoker;
    private FaultMachine machine;
    private DynamoReviewRepository repository;
    private CountingAudit audit;
    private Reviews.Tree tree;

    /** How a failing invocation fails: before the handler runs, or after it did its work (the answer is lost). */
    enum Failure { BEFORE_HANDLER, AFTER_HANDLER }

    /** The Lambda service of this emulator: the real handlers, with injected transient failures. */
    final class Invoker implements LambdaInvoker {
        final AtomicInteger openCalls = new AtomicInteger();
        final AtomicInteger finishCalls = new AtomicInteger();
        final List<String> finishOutcomes = Collections.synchronizedList(new ArrayList<>());
        volatile int failOpenFirst;
        volatile int failFinishFirst;
        volatile Failure failureMode = Failure.BEFORE_HANDLER;
        volatile ReviewService service;

        @Override
        public String invoke(String functionRef, String payloadJson) throws LambdaInvocationException {
            try {
                if (functionRef.contains(OPEN)) {
                    int n = openCalls.incrementAndGet();
                    if (n <= failOpenFirst) {
                        throw new LambdaInvocationException("Lambda.ServiceException", "injected: open #" + n);
                    }
                    var input = JSON.readValue(payloadJson, OpenDecisionFunction.Input.class);
                    return JSON.writeValueAsString(new OpenDecisionFunction(service).handleRequest(input, null));
                }
                if (functionRef.contains(FINISH)) {
                    int n = finishCalls.incrementAndGet();
                    var input = JSON.readValue(payloadJson, FinishReviewFunction.Input.class);
                    finishOutcomes.add(input.outcome());
                    boolean fail = n <= failFinishFirst;
                    if (fail && failureMode == Failure.BEFORE_HANDLER) {
                        throw new LambdaInvocationException("Lambda.ServiceException", "injected: finish #" + n);
                    }
                    String out = JSON.writeValueAsString(new FinishReviewFunction(service).handleRequest(input, null));
                    if (fail) {
                        throw new LambdaInvocationException("Lambda.ServiceException", "injected after the work: finish #" + n);
                    }
                    return out;
                }
                throw new LambdaInvocationException("Lambda.ResourceNotFoundException", "Function not found: " + functionRef);
            } catch (IOException e) {
                throw new LambdaInvocationException(e.getClass().getName(), e.getMessage());
            } catch (RuntimeException e) {
                throw new LambdaInvocationException(e.getClass().getName(), String.valueOf(e.getMessage()));
            }
        }
    }

    /** The app's audit log, counting what the workflow's ReviewService records. */
    static final class CountingAudit implements AuditLog {
        final AuditLog delegate;
        final List<cn.hbce.common.audit.AuditRecord> records = Collections.synchronizedList(new ArrayList<>());

        CountingAudit(AuditLog delegate) {
            this.delegate = delegate;
        }

        @Override
        public void record(cn.hbce.common.audit.AuditRecord r) {
            records.add(r);
            delegate.record(r);
        }

        long count(String action, String targetId) {
            synchronized (records) {
                return records.stream().filter(r -> r.action().equals(action) && r.targetId().equals(targetId)).count();
            }
        }
    }

    @BeforeEach
    void startAnEmulatorOfOurOwn() {
        E2E.server();
        invoker = new Invoker();
        machine = new FaultMachine("approval.asl.json", "ApprovalFaults", invoker,
                Map.of("OpenDecisionFunctionArn", OPEN, "FinishReviewFunctionArn", FINISH));
        AppContext app = AppContext.get();
        // With the to-do counters, as AppContext wires it (GET /v1/todo reads them).
        repository = new DynamoReviewRepository(AwsClients.dynamo(), app.config().tableName(), app.cursors(), app.stats().live());
        audit = new CountingAudit(app.audit());
        tree = Reviews.tree("故障");
    }

    @AfterEach
    void stop() {
        if (machine != null) {
            machine.close();
        }
    }

    /** A ReviewService wired as AppContext wires it, but whose workflow is this test's emulator. */
    private ReviewService service(long decisionTimeoutSeconds) {
        AppContext app = AppContext.get();
        Map<ReviewKind, ReviewEffect> effects = AppContext.reviewEffects(app.orgs(), app.accounts(), app.stats().live());
        ReviewService service = new ReviewService(repository, new SfnApprovalWorkflow(machine.client, machine.arn, decisionTimeoutSeconds),
                effects, audit, Clock.systemUTC());
        invoker.service = service;
        return service;
    }

    /** A professional of the tree's unit with a PENDING registration, and its review submitted to our emulator. */
    private record Pending(String reviewId, String personId, String idCard) {
    }

    private Pending submitPersonRegistration(ReviewService service) {
        String idCard = TestData.idCard();
        String name = TestData.personName("故障");
        String personId = AppContext.get().bootstrap().ensurePerson(new Bootstrap.Account(idCard, name, TestData.phone(), TestData.PASSWORD),
                new PersonRegistration(tree.unit().orgId(), RegistrationStatus.PENDING, "卫生技术人员", "中级"));
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("personId", personId);
        subject.put("name", name);
        subject.put("idCardMasked", idCard.substring(0, 4) + "**********" + idCard.substring(14));
        subject.put("unitOrgId", tree.unit().orgId());
        subject.put("unitName", tree.unit().name());
        String reviewId = service.submit(new ReviewService.Submission(ReviewKind.PERSON_REGISTRATION, personId, subject,
                new LinkedHashMap<>(subject), name + " " + tree.unit().name(), List.of(List.of(tree.dept().orgId()))),
                new AuditContext("fault-test", "127.0.0.1", personId, tree.unit().orgId()));
        return new Pending(reviewId, personId, idCard);
    }

    private Actor decider() {
        String personId = AppContext.get().accounts().personIdForIdCard(tree.dept().idCard()).orElseThrow();
        return new Actor(personId, "s_fault", "DEPARTMENT", tree.dept().orgId(), "a_fault", true, Set.of(), true, false);
    }

    private ReviewStep awaitOpenStep(String reviewId) {
        return Reviews.await("the deciding step of " + reviewId + " opened by our emulator", () -> repository.steps(reviewId).stream()
                .filter(s -> s.status() == ReviewStatus.PENDING && s.taskToken() != null).findFirst());
    }

    private static long count(List<HistoryEvent> events, String type) {
        return events.stream().filter(e -> e.typeAsString().equals(type)).count();
    }

    private static RegistrationStatus registration(String personId) {
        return AppContext.get().accounts().person(personId).orElseThrow().registration().status();
    }

    @Test
    void aFinishFailingTransientlyBeforeItsWorkIsRetriedAndTheReviewCompletesOnce() {
        ReviewService service = service(3600);
        invoker.failFinishFirst = 1;
        invoker.failureMode = Failure.BEFORE_HANDLER;
        Pending p = submitPersonRegistration(service);
        awaitOpenStep(p.reviewId());

        assertEquals(List.of(new ReviewService.Result(p.reviewId(), ReviewService.Outcome.DONE)),
                service.decide(decider(), List.of(new ReviewService.Decision(p.reviewId(), true, null)), meta()));
        Reviews.await("the first FinishReview invocation", () -> invoker.finishCalls.get() >= 1 ? Optional.of(true) : Optional.empty());
        assertEquals(RegistrationStatus.PENDING, registration(p.personId()), "the failed attempt did nothing");

        assertEquals(ExecutionStatus.SUCCEEDED, machine.runToEnd(p.reviewId(), Duration.ofSeconds(120), Reviews.WAIT));
        assertCompletedOnce(p, ReviewStatus.APPROVED);
        assertEquals(2, invoker.finishCalls.get(), "one failure, one retry");
        assertEquals(List.of("APPROVED", "APPROVED"), invoker.finishOutcomes);
        List<HistoryEvent> events = machine.history(p.reviewId());
        assertEquals(1, count(events, "TaskFailed"), () -> "one failed attempt in the history: " + events);
        E2E.Resp login = Fixtures.login("PERSON", p.idCard(), TestData.PASSWORD);
        assertEquals(200, login.status(), login::toString);
    }

    @Test
    void aFinishWhoseAnswerIsLostAfterItsWorkIsRetriedIdempotently() {
        ReviewService service = service(3600);
        invoker.failFinishFirst = 1;
        invoker.failureMode = Failure.AFTER_HANDLER;
        Pending p = submitPersonRegistration(service);
        awaitOpenStep(p.reviewId());

        service.decide(decider(), List.of(new ReviewService.Decision(p.reviewId(), true, null)), meta());
        assertEquals(ExecutionStatus.SUCCEEDED, machine.runToEnd(p.reviewId(), Duration.ofSeconds(120), Reviews.WAIT));
        assertEquals(2, invoker.finishCalls.get(), "the work ran twice");
        assertCompletedOnce(p, ReviewStatus.APPROVED);
        assertEquals(200, Fixtures.login("PERSON", p.idCard(), TestData.PASSWORD).status());
    }

    @Test
    void aRejectionWhoseFinishFailsTransientlyStillRejectsOnce() {
        ReviewService service = service(3600);
        invoker.failFinishFirst = 2;
        invoker.failureMode = Failure.AFTER_HANDLER;
        Pending p = submitPersonRegistration(service);
        awaitOpenStep(p.reviewId());

        assertEquals(ReviewService.Outcome.DONE, service.decide(decider(),
                List.of(new ReviewService.Decision(p.reviewId(), false, "故障注入驳回")), meta()).get(0).outcome());
        assertEquals(ExecutionStatus.SUCCEEDED, machine.runToEnd(p.reviewId(), Duration.ofSeconds(120), Reviews.WAIT));
        assertEquals(3, invoker.finishCalls.get(), "two failures, one success");
        assertEquals(List.of("REJECTED", "REJECTED", "REJECTED"), invoker.finishOutcomes);
        assertCompletedOnce(p, ReviewStatus.REJECTED);
        assertError(Fixtures.login("PERSON", p.idCard(), TestData.PASSWORD), 403, "ACCOUNT_REJECTED");
    }

    @Test
    void anOpenDecisionFailingTransientlyIsRetriedAndTheStepStillOpensOnce() {
        ReviewService service = service(3600);
        invoker.failOpenFirst = 1;
        Pending p = submitPersonRegistration(service);
        Reviews.await("the first OpenDecision invocation", () -> invoker.openCalls.get() >= 1 ? Optional.of(true) : Optional.empty());
        machine.await("the retry of OpenDecision", Duration.ofSeconds(120), () -> invoker.openCalls.get() >= 2);
        awaitOpenStep(p.reviewId());
        assertEquals(1, repository.steps(p.reviewId()).size(), "one step");
        assertEquals(1, Reviews.todo(tree.deptToken(), "PERSON_REGISTRATION"), "in the decider's to-do once");

        service.decide(decider(), List.of(new ReviewService.Decision(p.reviewId(), true, null)), meta());
        assertEquals(ExecutionStatus.SUCCEEDED, machine.runToEnd(p.reviewId(), Duration.ofSeconds(120), Reviews.WAIT));
        assertCompletedOnce(p, ReviewStatus.APPROVED);
    }

    @Test
    void aDecisionTimeoutMarksTheReviewExpiredAndTakesItOutOfTheQueue() {
        ReviewService service = service(60);
        Pending p = submitPersonRegistration(service);
        awaitOpenStep(p.reviewId());
        assertEquals(1, Reviews.todo(tree.deptToken(), "PERSON_REGISTRATION"));
        assertTrue(Reviews.find(Reviews.listAll(tree.deptToken(), "status=PENDING"), "personId", p.personId()).isPresent());
        Instant opened = machine.clock.instant();
        assertTrue(machine.sfn.pendingTimers().stream().anyMatch(t -> !t.isBefore(opened.plusSeconds(59)) && !t.isAfter(opened.plusSeconds(61))),
                () -> "a decision timer about 60 s out: " + machine.sfn.pendingTimers());

        machine.clock.advance(Duration.ofSeconds(30));
        assertEquals(ReviewStatus.PENDING, repository.get(p.reviewId()).orElseThrow().status(), "not yet expired");
        machine.clock.advance(Duration.ofSeconds(31));
        assertEquals(ExecutionStatus.SUCCEEDED, machine.runToEnd(p.reviewId(), Duration.ofSeconds(120), Reviews.WAIT));

        Review review = repository.get(p.reviewId()).orElseThrow();
        assertEquals(ReviewStatus.EXPIRED, review.status());
        assertNotNull(review.decidedAt());
        assertEquals(List.of("EXPIRED"), invoker.finishOutcomes);
        assertEquals(1, audit.count("FINISH_REVIEW", p.reviewId()));
        repository.steps(p.reviewId()).forEach(s -> assertEquals(ReviewStatus.EXPIRED, s.status(), s::toString));

        assertEquals(0, Reviews.todo(tree.deptToken(), "PERSON_REGISTRATION"), "gone from the to-do count");
        assertTrue(Reviews.find(Reviews.listAll(tree.deptToken(), "status=PENDING"), "personId", p.personId()).isEmpty(),
                "gone from the pending queue");
        assertEquals("EXPIRED", Reviews.detail(tree.deptToken(), p.reviewId()).json().path("status").asText());
        assertEquals(ReviewService.Outcome.ALREADY_DECIDED, service.decide(decider(),
                List.of(new ReviewService.Decision(p.reviewId(), true, null)), meta()).get(0).outcome(), "too late to decide");
        assertEquals("ALREADY_DECIDED", Reviews.outcome(Reviews.decide(tree.deptToken(), Reviews.approve(p.reviewId())), p.reviewId()));
        assertEquals(RegistrationStatus.REJECTED, registration(p.personId()), "an expired registration counts as not approved");

        Reviews.Registered again = Reviews.registerPerson(TestData.personRegistration(tree.unit().orgId(), p.idCard(),
                TestData.personName("过期重报")));
        Reviews.awaitPendingPerson(tree.deptToken(), again.subjectId());
    }

    private void assertCompletedOnce(Pending p, ReviewStatus outcome) {
        Review review = repository.get(p.reviewId()).orElseThrow();
        assertEquals(outcome, review.status());
        assertEquals(1, audit.count("FINISH_REVIEW", p.reviewId()), () -> "one FINISH_REVIEW audit record: " + audit.records);
        assertEquals(outcome == ReviewStatus.APPROVED ? RegistrationStatus.APPROVED : RegistrationStatus.REJECTED,
                registration(p.personId()));
        List<ReviewStep> steps = repository.steps(p.reviewId());
        assertEquals(1, steps.size(), steps::toString);
        assertEquals(outcome, steps.get(0).status(), steps::toString);
    }

    private static AuditContext meta() {
        return new AuditContext("fault-test", "127.0.0.1", null, null);
    }
}
