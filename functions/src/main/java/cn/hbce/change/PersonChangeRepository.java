package cn.hbce.change;

import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import java.time.Instant;
import java.util.Map;

/** Storage of change requests and of the title fields they change on the person's record. */
public interface PersonChangeRepository {

    /** Marks the person as having {@code reviewId} pending; false when another change is pending (one at a time). */
    boolean reservePending(String personId, String reviewId);

    /** Clears the mark if it is still {@code reviewId}'s. */
    void releasePending(String personId, String reviewId);

    void save(PersonChange change);

    /** Removes a request whose review could not be submitted. */
    void discard(PersonChange change);

    /** PENDING → {@code status} with the comment; false when it was decided before (a retried effect). */
    boolean decide(String personId, Instant submittedAt, String reviewId, ChangeStatus status, String comment, Instant at);

    /** The person's request of this review, if it is theirs. */
    java.util.Optional<PersonChange> request(String personId, String reviewId);

    /** The person's requests, newest first. */
    Page<PersonChange> requests(String personId, PageRequest page);

    /** The person's {@code limit} newest requests, without a cursor (nothing to page on). */
    default java.util.List<PersonChange> latest(String personId, int limit) {
        return requests(personId, PageRequest.first(limit)).items();
    }

    /** What an attempt to write the approved values found. */
    enum Applied { APPLIED, ALREADY_APPLIED, STALE }

    /**
     * Writes {@code values} (field → new value) onto the person's record if it is still at
     * {@code expectedVersion}, bumping the version; ALREADY_APPLIED when this review's values are
     * there already, STALE when the person was edited meanwhile (read again and retry).
     */
    Applied applyTitle(String personId, long expectedVersion, String reviewId, Map<String, String> values);
}
