package cn.hbce.transfer;

import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.log.JsonLog;
import cn.hbce.review.PersonWorkGuard;
import cn.hbce.review.PersonWorkRegistry;
import cn.hbce.review.ReviewService;
import cn.hbce.review.ReviewStatus;
import cn.hbce.review.WorkflowCallRefused;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transfer workflow's tasks (statemachines/transfer.asl.json). Every one is refused unless
 * called from the running transfer execution of that transfer (named after its review), and every
 * one may be repeated by the workflow's retries without doing its work twice: the move is
 * conditional on the person's org, the timeline keeps one event of each kind, the end is the one
 * conditional write PENDING → outcome.
 */
public final class TransferSteps {
    /** The error a move ends with when the person is no longer at the org the transfer started from. */
    public static final String PERSON_ELSEWHERE = "Transfer.PersonElsewhere";
    private final TransferRepository transfers;
    private final TransferWorkflow workflow;
    private final ReviewService reviews;
    private final PersonWorkGuard personWork;
    private final PersonMoves persons;
    private final StatisticsTransfer statistics;
    private final RecordMoves records;
    private final int recordBatch;
    private final AuditLog audit;
    private final Clock clock;

    /**
     * {@code recordBatch}: the most records one MoveRecords call changes (each is one conditional
     * update of a few milliseconds, so a few hundred stay far inside the function's timeout).
     */
    public TransferSteps(TransferRepository transfers, TransferWorkflow workflow, ReviewService reviews, PersonWorkGuard personWork,
                         PersonMoves persons, StatisticsTransfer statistics, RecordMoves records, int recordBatch,
                         AuditLog audit, Clock clock) {
        if (recordBatch < 1) {
            throw new IllegalArgumentException("recordBatch must be positive");
        }
        this.transfers = transfers;
        this.workflow = workflow;
        this.reviews = reviews;
        this.personWork = personWork;
        this.persons = persons;
        this.statistics = statistics;
        this.records = records;
        this.recordBatch = recordBatch;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records one MoveRecords call changes at most, in production. */
    public static final int RECORD_BATCH = 200;

    /**
     * The moves the ApplyTransfer task makes, one per state of the approval branch; MOVE_RECORDS_BACK
     * is the failure branch's undo of MOVE_RECORDS. The two record steps go in batches: the state
     * machine calls them again with the cursor they answered until they answer done.
     */
    public enum Step { MOVE_PERSON, MOVE_RECORDS, MOVE_STATISTICS, RECORD_HISTORY, MOVE_RECORDS_BACK }

    /** What a step answers: {@code done}, or the cursor the next call of a batched step goes on from. */
    public record Progress(boolean done, String cursor, int changed) {
        static final Progress DONE = new Progress(true, "", 0);
    }

    /** A move that cannot succeed however often it is retried (the person left the source org meanwhile). */
    public static final class PersonElsewhere extends RuntimeException {
        public PersonElsewhere(String transferId) {
            super("The person of " + transferId + " is no longer at the org the transfer started from");
        }
    }

    /**
     * CheckPendingWork: the person's pending hours claims and changes, which the start already
     * refused and the hold keeps out; checked again so that the workflow itself never moves a
     * person with work pending.
     */
    public List<PersonWorkRegistry.PendingWork> pendingWork(String transferId, String executionId) {
        Transfer t = running(transferId, executionId);
        return personWork.openWork(t.personId());
    }

    /** MovePerson, MoveStatistics, RecordHistory (no cursor). */
    public void apply(String transferId, Step step, String executionId) {
        apply(transferId, step, null, executionId);
    }

    /**
     * MovePerson, MoveRecords, MoveStatistics, RecordHistory, MoveRecordsBack. An ended transfer is
     * never changed (a late call, or the failure branch after the end was written): done at once.
     */
    public Progress apply(String transferId, Step step, String cursor, String executionId) {
        Transfer t = running(transferId, executionId);
        if (t.status() != TransferStatus.PENDING) {
            return Progress.DONE;
        }
        Instant now = clock.instant();
        switch (step) {
            case MOVE_RECORDS -> {
                return moveRecords(t, cursor, now);
            }
            case MOVE_RECORDS_BACK -> {
                return moveRecordsBack(t, cursor, now);
            }
            case MOVE_PERSON -> {
                PersonMoves.Moved moved = persons.move(t.personId(), t.fromOrgId(), t.toOrgId(), transferId);
                if (moved == PersonMoves.Moved.NOT_AT_SOURCE) {
                    throw new PersonElsewhere(transferId);
                }
                transfers.addEvent(transferId, new TransferEvent(TransferEvent.PERSON_MOVED, now, null, null));
                if (moved == PersonMoves.Moved.MOVED) {
                    audit.record(new AuditRecord(now, AuditContext.system("workflow"), "TRANSFER_MOVE_PERSON", "PERSON",
                            t.personId(), AuditRecord.SUCCESS));
                }
            }
            case MOVE_STATISTICS -> {
                statistics.moveContribution(t.personId(), t.fromOrgId(), t.toOrgId(), transferId);
                if (transfers.addEvent(transferId, new TransferEvent(TransferEvent.STATISTICS_MOVED, now, null, null))) {
                    audit.record(new AuditRecord(now, AuditContext.system("workflow"), "TRANSFER_MOVE_STATISTICS", "TRANSFER",
                            transferId, AuditRecord.SUCCESS));
                }
            }
            case RECORD_HISTORY -> {
                persons.recordHistory(t.personId(), transferId, t.fromOrgId(), t.toOrgId(), now);
                if (transfers.addEvent(transferId, new TransferEvent(TransferEvent.HISTORY_RECORDED, now, null, null))) {
                    audit.record(new AuditRecord(now, AuditContext.system("workflow"), "TRANSFER_RECORD_HISTORY", "TRANSFER",
                            transferId, AuditRecord.SUCCESS));
                }
            }
            default -> throw new IllegalArgumentException(String.valueOf(step));
        }
        return Progress.DONE;
    }

    /**
     * One batch of the person's hours records and certificates listed at the new org (see
     * {@link RecordMoves}); after the last one the RECORDS_MOVED event, once.
     */
    private Progress moveRecords(Transfer t, String cursor, Instant now) {
        RecordMoves.Batch batch = records.move(t.personId(), new RecordMoves.Place(t.toOrgId(), t.toOrgName(), t.toDeptId()),
                t.transferId(), Optional.ofNullable(cursor).filter(c -> !c.isEmpty()), recordBatch);
        JsonLog.info("transfer.records_moved", "transferId", t.transferId(), "changed", String.valueOf(batch.changed()));
        if (batch.next().isPresent()) {
            return new Progress(false, batch.next().get(), batch.changed());
        }
        if (transfers.addEvent(t.transferId(), new TransferEvent(TransferEvent.RECORDS_MOVED, now, null, null))) {
            audit.record(new AuditRecord(now, AuditContext.system("workflow"), "TRANSFER_MOVE_RECORDS", "TRANSFER",
                    t.transferId(), AuditRecord.SUCCESS));
        }
        return new Progress(true, "", batch.changed());
    }

    /**
     * The failure branch: the records this transfer listed at the new org go back to the old one
     * before the person does (FinishTransfer). Nothing to do unless the person was moved, since the
     * records move only after that.
     */
    private Progress moveRecordsBack(Transfer t, String cursor, Instant now) {
        if (transfers.events(t.transferId()).stream().noneMatch(e -> TransferEvent.PERSON_MOVED.equals(e.event()))) {
            return Progress.DONE;
        }
        RecordMoves.Batch batch = records.moveBack(t.personId(), new RecordMoves.Place(t.fromOrgId(), t.fromOrgName(), t.fromDeptId()),
                t.transferId(), Optional.ofNullable(cursor).filter(c -> !c.isEmpty()), recordBatch);
        JsonLog.info("transfer.records_moved_back", "transferId", t.transferId(), "changed", String.valueOf(batch.changed()));
        if (batch.next().isPresent()) {
            return new Progress(false, batch.next().get(), batch.changed());
        }
        if (transfers.addEvent(t.transferId(), new TransferEvent(TransferEvent.RECORDS_MOVED_BACK, now, null, null))) {
            audit.record(new AuditRecord(now, AuditContext.system("workflow"), "TRANSFER_MOVE_RECORDS_BACK", "TRANSFER",
                    t.transferId(), AuditRecord.SUCCESS));
        }
        return new Progress(true, "", batch.changed());
    }

    /**
     * Approve / Reject / Cancel / Expire / RecordFailure. FAILED first undoes this transfer's move
     * if one was made (the transfer is still PENDING then: an ended transfer is never undone), so a
     * failure anywhere leaves the person where they were. Then the TRANSFER_IN review ends, the
     * transfer ends (the one conditional write), the person's hold is given back.
     */
    public void finish(String transferId, TransferStatus outcome, String error, String executionId) {
        Transfer t = running(transferId, executionId);
        Instant now = clock.instant();
        if (outcome == TransferStatus.FAILED && t.status() == TransferStatus.PENDING
                && persons.moveBack(t.personId(), t.fromOrgId(), t.toOrgId(), transferId)) {
            transfers.addEvent(transferId, new TransferEvent(TransferEvent.PERSON_MOVED_BACK, now, null, error));
            audit.record(new AuditRecord(now, AuditContext.system("workflow"), "TRANSFER_MOVE_PERSON_BACK", "PERSON",
                    t.personId(), AuditRecord.SUCCESS));
        }
        reviews.finish(t.reviewId(), ReviewStatus.valueOf(outcome.name()), executionId);
        // The outcome's event goes on the timeline before the status changes, so whoever reads the
        // transfer as ended also reads how it ended. Only the workflow ends a running transfer, so
        // its outcome is the one the status will take; a retried call finds the event already there.
        transfers.addEvent(transferId, new TransferEvent(outcome.name(), now, null, null));
        boolean ended = transfers.end(transferId, outcome, now, outcome == TransferStatus.FAILED ? failure(error) : null);
        personWork.release(t.personId(), transferId);
        if (ended) {
            audit.record(new AuditRecord(now, AuditContext.system("workflow"), "FINISH_TRANSFER", "TRANSFER", transferId,
                    outcome.name()));
            JsonLog.info("transfer.finished", "transferId", transferId, "outcome", outcome.name());
        }
    }

    /** The workflow's error name only (never a cause text, which could carry data), bounded. */
    private static String failure(String error) {
        if (error == null || error.isBlank()) {
            return "UNKNOWN";
        }
        return error.length() > 100 ? error.substring(0, 100) : error;
    }

    private Transfer running(String transferId, String executionId) {
        Transfer t = transferId == null ? null : transfers.get(transferId).orElse(null);
        if (t == null || !workflow.isRunningTransferOf(executionId, t)) {
            JsonLog.warn("transfer.workflow_call.refused", "transferId", String.valueOf(transferId));
            throw new WorkflowCallRefused("Refused for transfer " + transferId + ": not called from its running workflow");
        }
        return t;
    }

    /** For the handler of the check: the list as the state machine's Choice reads it. */
    public static Map<String, Object> checkResult(List<PersonWorkRegistry.PendingWork> open) {
        return Map.of("clear", open.isEmpty(), "pending", open.stream()
                .map(w -> Map.of("reviewId", w.reviewId(), "kind", w.kind().name())).toList());
    }
}
