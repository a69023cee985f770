package cn.hbce.review;

import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.Forbidden;
import cn.hbce.common.domain.NotFound;
import cn.hbce.common.paging.Page;

import cn.hbce.common.Ids;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.log.JsonLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one review mechanism: submissions start an approval workflow; each deciding org's step
 * appears in its queue when the workflow opens it; decisions complete the step's task; the
 * workflow's end applies the kind's effect. Callers without the kind's permission in a deciding
 * org see nothing: to them the review does not exist.
 */
public final class ReviewService {
    public static final int MAX_BATCH = 100;
    private static final ExecutorService DECIDERS = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "review-decider");
        t.setDaemon(true);
        return t;
    });
    private final ReviewRepository reviews;
    private final ApprovalWorkflow workflow;
    private final Map<ReviewKind, ReviewEffect> effects;
    private final AuditLog audit;
    private final Clock clock;
    private final PersonWorkGuard personWork;

    /** Without the person-level guard: for wirings whose reviews are never a person's own work (tests of other kinds). */
    public ReviewService(ReviewRepository reviews, ApprovalWorkflow workflow, Map<ReviewKind, ReviewEffect> effects,
                         AuditLog audit, Clock clock) {
        this(reviews, workflow, effects, audit, clock, null);
    }

    /**
     * {@code personWork}: the guard between a person's pending work (HOURS_CLAIM, PERSON_CHANGE) and a
     * transfer of the person; every production wiring passes it.
     */
    public ReviewService(ReviewRepository reviews, ApprovalWorkflow workflow, Map<ReviewKind, ReviewEffect> effects,
                         AuditLog audit, Clock clock, PersonWorkGuard personWork) {
        this.reviews = reviews;
        this.workflow = workflow;
        this.effects = Map.copyOf(effects);
        this.audit = audit;
        this.clock = clock;
        this.personWork = personWork;
    }

    /** What a submission hands over: who/what is reviewed, and by whom in which order. */
    public record Submission(ReviewKind kind, String subjectId, Map<String, Object> subject, Map<String, Object> detail,
                             String searchText, List<List<String>> stages) {
    }

    public String submit(Submission s, AuditContext meta) {
        return submit(Ids.newId("r"), s, meta);
    }

    /**
     * Submits under an id chosen beforehand (when the subject must be marked with it first). A
     * person's own work (HOURS_CLAIM, PERSON_CHANGE, with {@code subject.personId}) is refused with
     * 409 TRANSFER_PENDING while a transfer holds the person (see {@link PersonWorkGuard}).
     */
    public String submit(String reviewId, Submission s, AuditContext meta) {
        Instant now = clock.instant();
        if (personWork != null) {
            personWork.enter(s.kind(), s.subject(), reviewId);
        }
        try {
            reviews.create(new Review(reviewId, s.kind(), ReviewStatus.PENDING, s.subjectId(), s.subject(), s.detail(),
                    s.searchText(), s.stages(), meta.actorPersonId(), now, null));
        } catch (RuntimeException notCreated) {
            if (personWork != null) {
                personWork.leave(s.kind(), s.subject(), reviewId);
            }
            throw notCreated;
        }
        workflow.start(reviewId, s.kind(), s.stages());
        audit.record(new AuditRecord(now, meta, "SUBMIT_" + s.kind().name(), "REVIEW", reviewId, AuditRecord.SUCCESS));
        return reviewId;
    }

    /**
     * Creates a review whose decision another workflow drives (the transfer's state machine opens
     * the step through OpenDecision and finishes it itself): no approval execution is started.
     */
    public String prepare(String reviewId, Submission s, AuditContext meta) {
        Instant now = clock.instant();
        reviews.create(new Review(reviewId, s.kind(), ReviewStatus.PENDING, s.subjectId(), s.subject(), s.detail(),
                s.searchText(), s.stages(), meta.actorPersonId(), now, null));
        audit.record(new AuditRecord(now, meta, "SUBMIT_" + s.kind().name(), "REVIEW", reviewId, AuditRecord.SUCCESS));
        return reviewId;
    }

    /**
     * Withdraws a pending review (the sender cancels a transfer): every deciding step of its first
     * stage ends CANCELLED — a pending one with a conditional write that a simultaneous decision
     * either loses or wins, one not yet opened is written CANCELLED so the workflow finds it decided
     * when it opens it — and a waiting task is told ({@code Review.Cancelled}). False when a decider
     * was first (or the review had ended): nothing is withdrawn then.
     */
    public boolean withdraw(String reviewId, String byPersonId, String reason) {
        Review review = reviews.get(reviewId).orElseThrow(() -> new IllegalStateException("No review " + reviewId));
        if (!review.status().open() || review.stages().isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        boolean withdrawn = false;
        for (String org : review.stages().get(0)) {
            for (int attempt = 0; attempt < 3; attempt++) {
                Optional<ReviewStep> step = reviews.steps(reviewId).stream()
                        .filter(s -> s.stageIndex() == 0 && s.orgId().equals(org)).findFirst();
                if (step.isPresent()) {
                    if (step.get().status().open() && reviews.decideStep(step.get(), ReviewStatus.CANCELLED, byPersonId, reason, now)) {
                        withdrawn = true;
                        if (step.get().taskToken() != null) {
                            workflow.cancel(step.get().taskToken(), reason);
                        }
                        break;
                    }
                    if (!step.get().status().open() && step.get().status() != ReviewStatus.CANCELLED) {
                        return withdrawn;
                    }
                    if (step.get().status() == ReviewStatus.CANCELLED) {
                        withdrawn = true;
                        break;
                    }
                } else if (reviews.createClosedStep(new ReviewStep(reviewId, 0, org, review.kind(), ReviewStatus.CANCELLED, null,
                        review.subject(), review.searchText(), review.submittedAt(), now, byPersonId, reason))) {
                    withdrawn = true;
                    break;
                }
            }
        }
        return withdrawn;
    }

    /**
     * Called by the workflow when a deciding org's step begins; a step decided before (restart) is
     * answered at once. Refused (nothing stored) unless the call comes from the running approval of
     * this review and names a deciding org of that stage, so a bare invoke cannot plant a step.
     */
    public void openStep(String reviewId, int stageIndex, String orgId, String taskToken, String executionId) {
        requireWorkflow(reviewId, executionId);
        Review review = reviews.get(reviewId).orElseThrow(() -> new IllegalStateException("No review " + reviewId));
        if (stageIndex < 0 || stageIndex >= review.stages().size() || !review.stages().get(stageIndex).contains(orgId)
                || taskToken == null || taskToken.isBlank()) {
            throw refused(reviewId, "not a deciding org of that stage");
        }
        ReviewStep stored = reviews.openStep(new ReviewStep(reviewId, stageIndex, orgId, review.kind(), ReviewStatus.PENDING,
                taskToken, review.subject(), review.searchText(), review.submittedAt(), null, null, null));
        if (stored.status() == ReviewStatus.CANCELLED) {
            workflow.cancel(taskToken, stored.comment());
        } else if (!stored.status().open()) {
            workflow.complete(taskToken, stored.status() == ReviewStatus.APPROVED, stored.comment());
        }
    }

    /**
     * Called by the workflow at its end: applies the outcome once, closes the steps still open.
     * Refused (nothing changed) unless the call comes from the running approval of this review and
     * the outcome agrees with the decisions stored: APPROVED needs every deciding org of every stage
     * to have approved, REJECTED needs a rejection. EXPIRED and FAILED grant nothing (the subject
     * ends not approved) and come from paths no decision leads to, so the context check alone guards them.
     */
    public void finish(String reviewId, ReviewStatus outcome, String executionId) {
        requireWorkflow(reviewId, executionId);
        Review review = reviews.get(reviewId).orElseThrow(() -> new IllegalStateException("No review " + reviewId));
        if (!agreesWithDecisions(review, outcome, reviews.steps(reviewId))) {
            throw refused(reviewId, outcome + " disagrees with the decisions stored");
        }
        Instant now = clock.instant();
        ReviewEffect effect = effects.get(review.kind());
        if (effect != null && outcome != ReviewStatus.FAILED) {
            effect.apply(review, outcome);
        }
        reviews.closeOpenSteps(reviewId, outcome == ReviewStatus.APPROVED ? ReviewStatus.CANCELLED : outcome == ReviewStatus.REJECTED
                ? ReviewStatus.CANCELLED : outcome, now);
        if (personWork != null) {
            personWork.leave(review.kind(), review.subject(), reviewId);
        }
        if (reviews.finish(reviewId, outcome, now)) {
            audit.record(new AuditRecord(now, AuditContext.system("workflow"), "FINISH_REVIEW",
                    "REVIEW", reviewId, outcome.name()));
            JsonLog.info("review.finished", "reviewId", reviewId, "kind", review.kind().name(), "outcome", outcome.name());
        }
    }

    private static boolean agreesWithDecisions(Review review, ReviewStatus outcome, List<ReviewStep> steps) {
        return switch (outcome) {
            case APPROVED -> {
                for (int stage = 0; stage < review.stages().size(); stage++) {
                    for (String org : review.stages().get(stage)) {
                        int index = stage;
                        boolean approved = steps.stream().anyMatch(s -> s.stageIndex() == index && s.orgId().equals(org)
                                && s.status() == ReviewStatus.APPROVED);
                        if (!approved) {
                            yield false;
                        }
                    }
                }
                yield true;
            }
            case REJECTED -> steps.stream().anyMatch(s -> s.status() == ReviewStatus.REJECTED);
            // Only a withdrawal (ReviewService.withdraw) writes a CANCELLED step before the review ends.
            case CANCELLED -> steps.stream().anyMatch(s -> s.status() == ReviewStatus.CANCELLED && s.decidedBy() != null);
            case EXPIRED, FAILED -> true;
            default -> false;
        };
    }

    private void requireWorkflow(String reviewId, String executionId) {
        if (!workflow.isRunningApprovalOf(executionId, reviewId)) {
            throw refused(reviewId, "not called from the running approval of this review");
        }
    }

    private static WorkflowCallRefused refused(String reviewId, String reason) {
        JsonLog.warn("review.workflow_call.refused", "reviewId", String.valueOf(reviewId), "reason", reason);
        return new WorkflowCallRefused("Refused for review " + reviewId + ": " + reason);
    }

    public Page<ReviewStep> list(Actor caller, ReviewQuery query) {
        java.util.Set<ReviewKind> visible = java.util.EnumSet.noneOf(ReviewKind.class);
        for (ReviewKind kind : ReviewKind.values()) {
            if (caller.can(kind.permission())) {
                visible.add(kind);
            }
        }
        if (query.kind().isPresent() && !visible.contains(query.kind().get())) {
            // The contract: a kind the caller holds no review permission for is refused, not an empty queue.
            throw new Forbidden();
        }
        if (visible.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        return reviews.queue(caller.orgId(), query.visibleTo(visible));
    }

    /** The review with this org's steps, or 404 for anyone who is not one of its permitted deciders. */
    public record Detail(Review review, List<ReviewStep> steps) {
    }

    public Detail detail(Actor caller, String reviewId) {
        Review review = reviews.get(reviewId).orElseThrow(() -> new NotFound());
        List<ReviewStep> steps = reviews.steps(reviewId);
        boolean decider = steps.stream().anyMatch(s -> s.orgId().equals(caller.orgId()));
        if (!decider || !caller.can(review.kind().permission())) {
            throw new NotFound();
        }
        return new Detail(review, steps);
    }

    /** SELF_REVIEW: the caller submitted the review, or is the person it is about; nobody decides their own. */
    public enum Outcome { DONE, ALREADY_DECIDED, NOT_FOUND, SELF_REVIEW }

    public record Decision(String reviewId, boolean approve, String comment) {
    }

    public record Result(String reviewId, Outcome outcome) {
    }

    /** Decides a batch; the items are independent, so they run side by side (a few at a time). */
    public List<Result> decide(Actor caller, List<Decision> decisions, AuditContext meta) {
        List<CompletableFuture<Result>> pending = new ArrayList<>();
        for (Decision d : decisions) {
            pending.add(CompletableFuture.supplyAsync(() -> new Result(d.reviewId(), decideOne(caller, d, meta)), DECIDERS));
        }
        List<Result> results = new ArrayList<>();
        for (CompletableFuture<Result> f : pending) {
            try {
                results.add(f.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        return results;
    }

    private Outcome decideOne(Actor caller, Decision d, AuditContext meta) {
        Instant now = clock.instant();
        Optional<ReviewStep> mine = reviews.steps(d.reviewId()).stream()
                .filter(s -> s.orgId().equals(caller.orgId()))
                .filter(s -> caller.can(s.kind().permission()))
                .max(java.util.Comparator.comparingInt(ReviewStep::stageIndex));
        if (mine.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        ReviewStep step = mine.get();
        if (ownReview(caller, d.reviewId())) {
            audit.record(new AuditRecord(now, meta, "DECIDE", "REVIEW", d.reviewId(),
                    AuditRecord.FAILURE + ":" + Outcome.SELF_REVIEW.name()));
            return Outcome.SELF_REVIEW;
        }
        ReviewStatus outcome = d.approve() ? ReviewStatus.APPROVED : ReviewStatus.REJECTED;
        if (!step.status().open() || !reviews.decideStep(step, outcome, caller.personId(), d.comment(), now)) {
            return Outcome.ALREADY_DECIDED;
        }
        boolean delivered;
        try {
            delivered = workflow.complete(step.taskToken(), d.approve(), d.comment());
        } catch (RuntimeException unreachable) {
            // The workflow never heard of it: undo, so the decision can be made again instead of timing out.
            reviews.reopenStep(step, outcome, caller.personId());
            throw unreachable;
        }
        audit.record(new AuditRecord(now, meta, "DECIDE_" + outcome.name(), "REVIEW", d.reviewId(), AuditRecord.SUCCESS));
        if (!delivered) {
            JsonLog.warn("review.decision.late", "reviewId", d.reviewId());
        }
        return Outcome.DONE;
    }

    private boolean ownReview(Actor caller, String reviewId) {
        return reviews.get(reviewId)
                .map(r -> caller.personId().equals(r.submittedBy()) || caller.personId().equals(r.subjectId()))
                .orElse(false);
    }

    public record TodoItem(String kind, long count) {
    }

    /** {@code asOf}: when the counts were read (they come from counters the statistics job makes exact). */
    public record Todo(long total, List<TodoItem> items, Instant asOf) {
    }

    /** Pending steps per kind the caller may decide: one read of the org's to-do counters. */
    public Todo todo(Actor caller) {
        ReviewRepository.PendingCounts counts = reviews.pendingByKind(caller.orgId());
        List<TodoItem> items = new ArrayList<>();
        long total = 0;
        for (ReviewKind kind : ReviewKind.values()) {
            if (!caller.can(kind.permission())) {
                continue;
            }
            long count = counts.byKind().getOrDefault(kind, 0L);
            if (count > 0) {
                items.add(new TodoItem(kind.name(), count));
                total += count;
            }
        }
        return new Todo(total, items, counts.asOf());
    }
}
