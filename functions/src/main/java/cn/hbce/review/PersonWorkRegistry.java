package cn.hbce.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The two facts the person-level guard meets on: which reviews about a person are pending (one
 * entry per review, written before the review and removed when it ends), and whether a transfer
 * holds the person (one hold per person, taken with a conditional write). Both live under the
 * person, so the reads the guard makes are strongly consistent single-partition reads.
 */
public interface PersonWorkRegistry {

    /** A pending review about the person, as indexed when it was submitted. */
    record PendingWork(String reviewId, ReviewKind kind, Instant submittedAt) {
    }

    /** Adds the entry of a review about to be created (idempotent). */
    void addPending(String personId, String reviewId, ReviewKind kind, Instant at);

    /** Removes the entry (idempotent). */
    void removePending(String personId, String reviewId);

    /** Every entry under the person (consistent read). */
    List<PendingWork> pending(String personId);

    /** Takes the person's hold for {@code holderId}; false when someone else holds it (holding it already is true). */
    boolean hold(String personId, String holderId, Instant at);

    /** Who holds the person now (consistent read). */
    Optional<String> holder(String personId);

    /** Gives the hold back if {@code holderId} still has it (idempotent). */
    void release(String personId, String holderId);
}
