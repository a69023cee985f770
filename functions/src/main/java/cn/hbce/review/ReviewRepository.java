package cn.hbce.review;

import cn.hbce.common.paging.Page;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface ReviewRepository {

    /** Stores a new review; false if one with this id exists (a repeated submission). */
    boolean create(Review review);

    Optional<Review> get(String reviewId);

    /** Creates the step, or gives an existing one the newest task token; returns the step as stored. */
    ReviewStep openStep(ReviewStep step);

    List<ReviewStep> steps(String reviewId);

    /**
     * Writes a step that is already decided (a withdrawal before the workflow opened the step), if
     * the step does not exist yet; false when it does (the workflow opened it meanwhile).
     */
    boolean createClosedStep(ReviewStep step);

    /** PENDING → {@code outcome} for the step, if still pending; false when someone decided first. */
    boolean decideStep(ReviewStep step, ReviewStatus outcome, String decidedBy, String comment, Instant at);

    /** Undoes this decider's decision (the workflow could not be told); false if the step moved on since. */
    boolean reopenStep(ReviewStep step, ReviewStatus outcome, String decidedBy);

    /** Moves every step still pending to {@code status} (the review ended). */
    void closeOpenSteps(String reviewId, ReviewStatus status, Instant at);

    /** PENDING → {@code outcome} for the review; false when it had already ended. */
    boolean finish(String reviewId, ReviewStatus outcome, Instant at);

    /** The org's queue, newest first within a status. */
    Page<ReviewStep> queue(String orgId, ReviewQuery query);

    /** Pending steps of one kind in the org's queue. */
    long countPending(String orgId, ReviewKind kind);

    /** Pending steps per kind in the org's queue, as of {@code asOf}. */
    record PendingCounts(Map<ReviewKind, Long> byKind, Instant asOf) {
    }

    /** Every kind's pending count; exact here (a count per kind), a stored counter where one is kept. */
    default PendingCounts pendingByKind(String orgId) {
        Map<ReviewKind, Long> counts = new java.util.EnumMap<>(ReviewKind.class);
        for (ReviewKind kind : ReviewKind.values()) {
            counts.put(kind, countPending(orgId, kind));
        }
        return new PendingCounts(counts, Instant.now());
    }
}
