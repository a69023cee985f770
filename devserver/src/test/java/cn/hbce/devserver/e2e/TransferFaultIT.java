package cn.hbce.devserver.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.AppContext;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.aws.AwsClients;
import cn.hbce.common.domain.Actor;
import cn.hbce.emulator.sfn.LambdaInvocationException;
import cn.hbce.emulator.sfn.LambdaInvoker;
import cn.hbce.review.adapter.DynamoPersonWorkRegistry;
import cn.hbce.review.adapter.DynamoReviewRepository;
import cn.hbce.review.OpenDecisionFunction;
import cn.hbce.review.PersonWorkGuard;
import cn.hbce.review.ReviewService;
import cn.hbce.review.ReviewStatus;
import cn.hbce.review.adapter.SfnApprovalWorkflow;
import cn.hbce.certificates.OrgPaths;
import cn.hbce.certificates.adapter.DynamoCertificateRelisting;
import cn.hbce.hours.Category;
import cn.hbce.hours.HoursRecord;
import cn.hbce.hours.RecordIds;
import cn.hbce.hours.RecordSource;
import cn.hbce.hours.RecordStatus;
import cn.hbce.hours.adapter.DynamoHoursRelisting;
import cn.hbce.hours.adapter.DynamoHoursRepository;
import cn.hbce.transfer.ApplyTransferFunction;
import cn.hbce.transfer.CheckTransferWorkFunction;
import cn.hbce.transfer.FinishTransferFunction;
import cn.hbce.transfer.StatisticsTransfer;
import cn.hbce.transfer.Transfer;
import cn.hbce.transfer.RecordMoves;
import cn.hbce.transfer.TransferEvent;
import cn.hbce.transfer.TransferService;
import cn.hbce.transfer.TransferStatus;
import cn.hbce.transfer.TransferSteps;
import cn.hbce.transfer.adapter.DynamoPersonMoves;
import cn.hbce.transfer.adapter.DynamoRecordMoves;
import cn.hbce.transfer.adapter.DynamoTransferRepository;
import cn.hbce.transfer.adapter.SfnTransferWorkflow;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Fault tests of the real transfer state machine (statemachines/transfer.asl.json) on a separate
 * local Step Functions with a manual clock, whose Lambda tasks call the real task handlers in this
 * JVM (against the shared devserver's table), except where a test makes the MovePerson step fail
 * as Lambda would with a transient service error — after the handler did its work, the harder case.
 */
class TransferFaultIT {
    private static final String CHECK = "FaultCheckTransferWork";
    private static final String OPEN = "FaultTransferOpenDecision";
    private static final String APPLY = "FaultApplyTransfer";
    private static final String FINISH = "FaultFinishTransfer";
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Invoker invoker;
    private FaultMachine machine;
    private ApprovalFaultIT.CountingAudit audit;
    private DynamoTransferRepository transfers;
    private DynamoReviewRepository reviewRepository;
    private Reviews.Tree a;
    private Reviews.Tree b;

    /**
     * The Lambda service of this emulator: the real handlers, MovePerson failing after its work the
     * first {@code failMoves} times and MoveRecords the first {@code failRecordMoves} times.
     */
    final class Invoker implements LambdaInvoker {
        final AtomicInteger moveCalls = new AtomicInteger();
        final AtomicInteger recordMoveCalls = new AtomicInteger();
        /** What each MoveRecords call answered (or would have, for those whose answer was lost). */
        final List<Map<String, Object>> recordMoves = Collections.synchronizedList(new ArrayList<>());
        volatile int failMoves;
        volatile int failRecordMoves;
        volatile ReviewService reviews;
        volatile TransferSteps steps;

        @Override
        public String invoke(String functionRef, String payloadJson) throws LambdaInvocationException {
            try {
                if (functionRef.contains(CHECK)) {
                    return JSON.writeValueAsString(new CheckTransferWorkFunction(steps)
                            .handleRequest(JSON.readValue(payloadJson, CheckTransferWorkFunction.Input.class), null));
                }
                if (functionRef.contains(OPEN)) {
                    return JSON.writeValueAsString(new OpenDecisionFunction(reviews)
                            .handleRequest(JSON.readValue(payloadJson, OpenDecisionFunction.Input.class), null));
                }
                if (functionRef.contains(APPLY)) {
                    var input = JSON.readValue(payloadJson, ApplyTransferFunction.Input.class);
                    Map<String, Object> answer = new ApplyTransferFunction(steps).handleRequest(input, null);
                    String out = JSON.writeValueAsString(answer);
                    if (input.step().equals("MOVE_PERSON") && moveCalls.incrementAndGet() <= failMoves) {
                        throw new LambdaInvocationException("Lambda.ServiceException", "injected after the move #" + moveCalls.get());
                    }
                    if (input.step().equals("MOVE_RECORDS")) {
                        recordMoves.add(answer);
                        if (recordMoveCalls.incrementAndGet() <= failRecordMoves) {
                            throw new LambdaInvocationException("Lambda.ServiceException", "injected after the record move #"
                                    + recordMoveCalls.get());
                        }
                    }
                    return out;
                }
                if (functionRef.contains(FINISH)) {
                    return JSON.writeValueAsString(new FinishTransferFunction(steps)
                            .handleRequest(JSON.readValue(payloadJson, FinishTransferFunction.Input.class), null));
                }
                throw new LambdaInvocationException("Lambda.ResourceNotFoundException", "Function not found: " + functionRef);
            } catch (IOException e) {
                throw new LambdaInvocationException(e.getClass().getName(), e.getMessage());
            } catch (RuntimeException e) {
                throw new LambdaInvocationException(e.getClass().getName(), String.valueOf(e.getMessage()));
            }
        }
    }

    @BeforeEach
    void startAnEmulatorOfOurOwn() {
        E2E.server();
        invoker = new Invoker();
        machine = new FaultMachine("transfer.asl.json", "TransferFaults", invoker, Map.of(
                "CheckTransferWorkFunctionArn", CHECK, "OpenDecisionFunctionArn", OPEN,
                "ApplyTransferFunctionArn", APPLY, "FinishTransferFunctionArn", FINISH));
        AppContext app = AppContext.get();
        String table = app.config().tableName();
        transfers = new DynamoTransferRepository(AwsClients.dynamo(), table, app.cursors());
        reviewRepository = new DynamoReviewRepository(AwsClients.dynamo(), table, app.cursors());
        audit = new ApprovalFaultIT.CountingAudit(app.audit());
        a = Reviews.tree("调转故障A");
        b = Reviews.tree("调转故障B");
    }

    @AfterEach
    void stop() {
        if (machine != null) {
            machine.close();
        }
    }

    /** The transfer use cases wired as AppContext wires them, but on this test's emulator. */
    private TransferService wire(long decisionTimeoutSeconds) {
        return wire(decisionTimeoutSeconds, StatisticsTransfer.NONE, TransferSteps.RECORD_BATCH);
    }

    /** As {@link #wire(long)} with this statistics port and at most {@code recordBatch} records per MoveRecords call. */
    private TransferService wire(long decisionTimeoutSeconds, StatisticsTransfer statistics, int recordBatch) {
        AppContext app = AppContext.get();
        String table = app.config().tableName();
        PersonWorkGuard guard = new PersonWorkGuard(new DynamoPersonWorkRegistry(AwsClients.dynamo(), table), reviewRepository,
                Clock.systemUTC());
        ReviewService reviews = new ReviewService(reviewRepository, new SfnApprovalWorkflow(() -> machine.client, null, decisionTimeoutSeconds,
                Set.of(machine.arn)), Map.of(), audit, Clock.systemUTC(), guard);
        SfnTransferWorkflow workflow = new SfnTransferWorkflow(() -> machine.client, machine.arn, decisionTimeoutSeconds);
        invoker.reviews = reviews;
        RecordMoves records = new DynamoRecordMoves(new DynamoHoursRelisting(AwsClients.dynamo(), table),
                new DynamoCertificateRelisting(AwsClients.dynamo(), table), new OrgPaths(app.orgs()));
        invoker.steps = new TransferSteps(transfers, workflow, reviews, guard, new DynamoPersonMoves(AwsClients.dynamo(), table),
                statistics, records, recordBatch, audit, Clock.systemUTC());
        return new TransferService(transfers, workflow, reviews, guard, app.accounts(), app.orgs(), audit, Clock.systemUTC());
    }

    private static Actor adminOf(Fixtures.ApprovedOrg org) {
        String personId = AppContext.get().accounts().personIdForIdCard(org.idCard()).orElseThrow();
        return new Actor(personId, "s_fault", org.type().name(), org.orgId(), "a_fault", true, Set.of(), true, false);
    }

    private static AuditContext meta() {
        return new AuditContext("transfer-fault-test", "127.0.0.1", null, null);
    }

    private void awaitOpenStep(String reviewId) {
        Reviews.await("the TRANSFER_IN step opened by our emulator", () -> reviewRepository.steps(reviewId).stream()
                .filter(s -> s.status() == ReviewStatus.PENDING && s.taskToken() != null).findFirst());
    }

    private List<String> events(String transferId) {
        List<TransferEvent> events = new ArrayList<>(transfers.events(transferId));
        events.sort(java.util.Comparator.comparing(TransferEvent::at));
        return events.stream().map(TransferEvent::event).toList();
    }

    private TransferService.Started approvedByB(TransferService service, Transfers.Pro p) {
        TransferService.Started t = service.start(adminOf(a.dept()), new TransferService.Start(p.personId(), b.unit().orgId(), "故障注入",
                null), meta());
        awaitOpenStep(t.reviewId());
        assertEquals(ReviewService.Outcome.DONE, invoker.reviews.decide(adminOf(b.dept()),
                List.of(new ReviewService.Decision(t.reviewId(), true, null)), meta()).get(0).outcome());
        return t;
    }

    @Test
    void aMoveFailingTransientlyIsRetriedAndAppliedOnce() {
        TransferService service = wire(3600);
        invoker.failMoves = 1;
        Transfers.Pro p = Transfers.professional(a.unit().orgId(), "瞬时故障");
        TransferService.Started t = approvedByB(service, p);

        assertEquals(ExecutionStatus.SUCCEEDED, machine.runToEnd(t.reviewId(), Duration.ofSeconds(120), Duration.ofSeconds(30)));
        assertEquals(2, invoker.moveCalls.get(), "one lost answer, one retry");
        Transfer done = transfers.get(t.transferId()).orElseThrow();
        assertEquals(TransferStatus.APPROVED, done.status());
        assertEquals(b.unit().orgId(), Transfers.orgOf(p.personId()));
        assertEquals(1, audit.count("TRANSFER_MOVE_PERSON", p.personId()), () -> "moved once: " + audit.records);
        assertEquals(1, audit.count("FINISH_TRANSFER", t.transferId()));
        assertEquals(List.of("REQUESTED", "PERSON_MOVED", "RECORDS_MOVED", "STATISTICS_MOVED", "HISTORY_RECORDED", "APPROVED"),
                events(t.transferId()));
        assertEquals(ReviewStatus.APPROVED, reviewRepository.get(t.reviewId()).orElseThrow().status());
    }

    @Test
    void aMoveThatKeepsFailingLeavesThePersonWhereTheyWereAndTheTransferFailed() {
        TransferService service = wire(3600);
        invoker.failMoves = Integer.MAX_VALUE;
        Transfers.Pro p = Transfers.professional(a.unit().orgId(), "永久故障");
        TransferService.Started t = approvedByB(service, p);

        assertEquals(ExecutionStatus.FAILED, machine.runToEnd(t.reviewId(), Duration.ofSeconds(600), Duration.ofSeconds(30)));
        assertTrue(invoker.moveCalls.get() > 3, "the move was retried: " + invoker.moveCalls.get());
        Transfer failed = transfers.get(t.transferId()).orElseThrow();
        assertEquals(TransferStatus.FAILED, failed.status());
        assertEquals("Lambda.ServiceException", failed.failure());
        assertEquals(a.unit().orgId(), Transfers.orgOf(p.personId()), "the person is where they were");
        assertEquals(1, audit.count("TRANSFER_MOVE_PERSON_BACK", p.personId()), "the move the lost answers made was undone once");
        assertEquals(ReviewStatus.FAILED, reviewRepository.get(t.reviewId()).orElseThrow().status());
        assertTrue(events(t.transferId()).containsAll(List.of("PERSON_MOVED", "PERSON_MOVED_BACK", "FAILED")), events(t.transferId())::toString);
        assertFalse(events(t.transferId()).contains("APPROVED"));

        invoker.failMoves = 0;
        TransferService.Started again = service.start(adminOf(a.dept()), new TransferService.Start(p.personId(), b.unit().orgId(),
                "再次调动", null), meta());
        assertEquals(TransferStatus.PENDING, transfers.get(again.transferId()).orElseThrow().status(), "the person was given back");
    }

    @Test
    void aDecisionTimeoutEndsTheTransferExpiredAndNothingMoves() {
        TransferService service = wire(60);
        Transfers.Pro p = Transfers.professional(a.unit().orgId(), "超时");
        TransferService.Started t = service.start(adminOf(a.dept()), new TransferService.Start(p.personId(), b.unit().orgId(), "超时测试",
                null), meta());
        awaitOpenStep(t.reviewId());
        assertTrue(Reviews.find(Reviews.listAll(b.deptToken(), "kind=TRANSFER_IN&status=PENDING"), "personId", p.personId()).isPresent());

        machine.clock.advance(Duration.ofSeconds(30));
        assertEquals(TransferStatus.PENDING, transfers.get(t.transferId()).orElseThrow().status(), "not yet expired");
        machine.clock.advance(Duration.ofSeconds(31));
        assertEquals(ExecutionStatus.SUCCEEDED, machine.runToEnd(t.reviewId(), Duration.ofSeconds(120), Duration.ofSeconds(30)));

        assertEquals(TransferStatus.EXPIRED, transfers.get(t.transferId()).orElseThrow().status());
        assertEquals(ReviewStatus.EXPIRED, reviewRepository.get(t.reviewId()).orElseThrow().status());
        assertEquals(a.unit().orgId(), Transfers.orgOf(p.personId()), "nothing moved");
        assertTrue(Reviews.find(Reviews.listAll(b.deptToken(), "kind=TRANSFER_IN&status=PENDING"), "personId", p.personId()).isEmpty(),
                "gone from B's pending queue");
        assertEquals(ReviewService.Outcome.ALREADY_DECIDED, invoker.reviews.decide(adminOf(b.dept()),
                List.of(new ReviewService.Decision(t.reviewId(), true, null)), meta()).get(0).outcome(), "too late to decide");
        assertEquals("EXPIRED", Transfers.detail(a.deptToken(), t.transferId()).path("status").asText());
    }

    /** {@code count} approved hours records of the person at A's unit, stored directly (the claim route is HoursClaimsIT's). */
    private List<String> hoursAtA(Transfers.Pro p, int count) {
        AppContext app = AppContext.get();
        int year = Hours.YEAR;
        List<HoursRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(new HoursRecord(RecordIds.forClaim(year, p.personId()), p.personId(), p.name(), "4201**********0000",
                    a.unit().orgId(), a.unit().name(), a.dept().orgId(), year, Category.PUBLIC, "TRAINING", "调转前培训" + i, 2,
                    LocalDate.of(year, 1, 10), LocalDate.of(year, 1, 10), null, RecordStatus.APPROVED, RecordSource.CLAIM, null, null,
                    List.of(), Instant.now().plusMillis(i), Instant.now(), null));
        }
        new DynamoHoursRepository(AwsClients.dynamo(), app.config().tableName(), app.cursors()).putAll(records);
        return records.stream().map(HoursRecord::recordId).toList();
    }

    private static HoursRecord record(String recordId) {
        return new DynamoHoursRepository(AwsClients.dynamo(), AppContext.get().config().tableName(), AppContext.get().cursors())
                .get(recordId).orElseThrow();
    }

    private static List<String> listedRecords(String token, Transfers.Pro p) {
        return Transfers.listAll(token, "/v1/hours", "q=" + Reviews.enc(p.name())).stream()
                .map(i -> i.path("recordId").asText()).toList();
    }

    @Test
    void aRecordMoveWhoseAnswersAreLostIsRetriedAndMovesEachRecordOnce() {
        TransferService service = wire(3600, StatisticsTransfer.NONE, 2);
        invoker.failRecordMoves = 2;
        Transfers.Pro p = Transfers.professional(a.unit().orgId(), "记录迁移");
        List<String> ids = hoursAtA(p, 5);
        assertEquals(Set.copyOf(ids), Set.copyOf(listedRecords(a.deptToken(), p)), "A lists the records before");
        TransferService.Started t = approvedByB(service, p);

        assertEquals(ExecutionStatus.SUCCEEDED, machine.runToEnd(t.reviewId(), Duration.ofSeconds(120), Duration.ofSeconds(30)));
        assertEquals(TransferStatus.APPROVED, transfers.get(t.transferId()).orElseThrow().status());
        // Batches of two over five records: H(2), H(2), H(1) then the certificates; the first two answers were lost.
        assertTrue(invoker.recordMoves.size() >= 6, () -> "batches and retries: " + invoker.recordMoves);
        assertEquals(5, invoker.recordMoves.stream().mapToInt(m -> ((Number) m.get("changed")).intValue()).sum(),
                () -> "each record changed by exactly one call, retries changed nothing: " + invoker.recordMoves);
        assertEquals(0, ((Number) invoker.recordMoves.get(1).get("changed")).intValue(), "the retry of a lost batch changes nothing");
        for (String id : ids) {
            HoursRecord r = record(id);
            assertEquals(b.dept().orgId(), r.deptOrgId(), id);
            assertEquals(b.unit().orgId(), r.unitOrgId(), id);
            assertEquals(RecordStatus.APPROVED, r.status(), id);
        }
        List<String> onB = listedRecords(b.deptToken(), p);
        assertEquals(ids.size(), onB.size(), () -> "each record listed once on B's desk: " + onB);
        assertEquals(Set.copyOf(ids), Set.copyOf(onB));
        assertTrue(listedRecords(a.deptToken(), p).isEmpty(), "A's desk no longer lists them");
        assertEquals(1, audit.count("TRANSFER_MOVE_RECORDS", t.transferId()), () -> "audited once: " + audit.records);
        assertEquals(List.of("REQUESTED", "PERSON_MOVED", "RECORDS_MOVED", "STATISTICS_MOVED", "HISTORY_RECORDED", "APPROVED"),
                events(t.transferId()));
    }

    @Test
    void aFailureAfterTheRecordsMovedPutsTheRecordsAndThePersonBack() {
        AtomicInteger statisticsCalls = new AtomicInteger();
        StatisticsTransfer broken = (personId, from, to, transferId) -> {
            statisticsCalls.incrementAndGet();
            throw new IllegalStateException("statistics down");
        };
        TransferService service = wire(3600, broken, 2);
        Transfers.Pro p = Transfers.professional(a.unit().orgId(), "迁移回滚");
        List<String> ids = hoursAtA(p, 3);
        TransferService.Started t = approvedByB(service, p);

        assertEquals(ExecutionStatus.FAILED, machine.runToEnd(t.reviewId(), Duration.ofSeconds(600), Duration.ofSeconds(30)));
        assertTrue(statisticsCalls.get() > 1, "MoveStatistics was retried before the failure branch");
        assertEquals(TransferStatus.FAILED, transfers.get(t.transferId()).orElseThrow().status());
        assertEquals(a.unit().orgId(), Transfers.orgOf(p.personId()), "the person is back at A");
        for (String id : ids) {
            HoursRecord r = record(id);
            assertEquals(a.dept().orgId(), r.deptOrgId(), id);
            assertEquals(a.unit().orgId(), r.unitOrgId(), id);
        }
        assertEquals(Set.copyOf(ids), Set.copyOf(listedRecords(a.deptToken(), p)), "A lists the records again");
        assertTrue(listedRecords(b.deptToken(), p).isEmpty(), "B does not");
        assertEquals(1, audit.count("TRANSFER_MOVE_RECORDS_BACK", t.transferId()));
        assertTrue(events(t.transferId()).containsAll(List.of("PERSON_MOVED", "RECORDS_MOVED", "RECORDS_MOVED_BACK", "PERSON_MOVED_BACK",
                "FAILED")), events(t.transferId())::toString);
        assertFalse(events(t.transferId()).contains("APPROVED"));
    }
}
