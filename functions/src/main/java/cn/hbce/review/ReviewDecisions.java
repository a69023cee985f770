package cn.hbce.review;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The decisions made on a review, for the features whose subjects show them (a plan's detail, a
 * person's own change requests) and for their effects, which copy the decider's comment onto the
 * subject: the review engine hands an effect the review, not its steps.
 */
public interface ReviewDecisions {

    /** One deciding org's decision. */
    record Made(int stageIndex, String orgId, ReviewStatus status, Instant decidedAt, String comment) {
    }

    /** The decided steps of the review, in stage and org order (empty while none is decided). */
    List<Made> of(String reviewId);

    /** The comment of the latest decision that gave {@code outcome}, if it had one. */
    default Optional<String> comment(String reviewId, ReviewStatus outcome) {
        return of(reviewId).stream().filter(m -> m.status() == outcome && m.comment() != null)
                .max(Comparator.comparing(Made::decidedAt, Comparator.nullsFirst(Comparator.naturalOrder()))).map(Made::comment);
    }

    static ReviewDecisions from(ReviewRepository reviews) {
        return reviewId -> reviews.steps(reviewId).stream()
                .filter(s -> s.status() == ReviewStatus.APPROVED || s.status() == ReviewStatus.REJECTED)
                .map(s -> new Made(s.stageIndex(), s.orgId(), s.status(), s.decidedAt(), s.comment()))
                .toList();
    }
}
