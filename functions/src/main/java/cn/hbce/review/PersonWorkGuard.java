package cn.hbce.review;

import cn.hbce.common.domain.Conflict;
import cn.hbce.common.domain.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The person-level guard between a person's own pending work (hours claims, information changes)
 * and a transfer of that person: a transfer may start only when no such review is pending, and no
 * such review may be submitted while a transfer runs.
 *
 * <p>Race-safe without transactions, in the manner of a two-flag handshake: a submission first
 * writes its pending entry and then reads the hold; a transfer first takes the hold (conditional
 * write) and then reads the pending entries. Both reads are strongly consistent, so whichever of
 * the two writes comes second, its own read sees the other's write: a claim and a transfer started
 * at the same moment can both be refused, never both admitted. The loser removes what it wrote.
 *
 * <p>An entry whose review was never created (the submitter stopped between the two writes) is
 * ignored once it is older than {@link #ORPHAN_AFTER}; an entry whose review has ended is removed
 * when found.
 */
public final class PersonWorkGuard {
    /** The kinds of review that are a person's own pending work. */
    public static final Set<ReviewKind> KINDS = EnumSet.of(ReviewKind.HOURS_CLAIM, ReviewKind.PERSON_CHANGE);
    static final Duration ORPHAN_AFTER = Duration.ofMinutes(1);
    private final PersonWorkRegistry registry;
    private final ReviewRepository reviews;
    private final Clock clock;

    public PersonWorkGuard(PersonWorkRegistry registry, ReviewRepository reviews, Clock clock) {
        this.registry = registry;
        this.reviews = reviews;
        this.clock = clock;
    }

    /** The person a submission is about: {@code subject.personId}, for the kinds that are a person's work. */
    static Optional<String> personOf(ReviewKind kind, Map<String, Object> subject) {
        if (!KINDS.contains(kind) || subject == null || !(subject.get("personId") instanceof String id) || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(id);
    }

    /** Before a review is created: index it, then refuse (and unindex) if a transfer holds the person. */
    void enter(ReviewKind kind, Map<String, Object> subject, String reviewId) {
        Optional<String> person = personOf(kind, subject);
        if (person.isEmpty()) {
            return;
        }
        registry.addPending(person.get(), reviewId, kind, clock.instant());
        if (registry.holder(person.get()).isPresent()) {
            registry.removePending(person.get(), reviewId);
            throw new Conflict(Reason.TRANSFER_PENDING);
        }
    }

    /** When a review ends (or could not be created). */
    void leave(ReviewKind kind, Map<String, Object> subject, String reviewId) {
        personOf(kind, subject).ifPresent(p -> registry.removePending(p, reviewId));
    }

    /**
     * Takes the person for a transfer: 409 TRANSFER_PENDING when another transfer holds them, 409
     * PENDING_WORK (with the list) when a review of theirs is pending; in both cases nothing is held.
     */
    public void holdForTransfer(String personId, String transferId) {
        if (!registry.hold(personId, transferId, clock.instant())) {
            throw new Conflict(Reason.TRANSFER_PENDING);
        }
        List<PersonWorkRegistry.PendingWork> open = openWork(personId);
        if (!open.isEmpty()) {
            registry.release(personId, transferId);
            throw pendingWork(open);
        }
    }

    /** The 409 PENDING_WORK naming each pending review. */
    public static Conflict pendingWork(List<PersonWorkRegistry.PendingWork> open) {
        return new Conflict(Reason.PENDING_WORK, List.of(), open.stream().map(w -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("reviewId", w.reviewId());
            item.put("kind", w.kind().name());
            item.put("submittedAt", w.submittedAt().toString());
            return item;
        }).toList());
    }

    /** The person's pending work now: entries whose review is pending (or still being created). */
    public List<PersonWorkRegistry.PendingWork> openWork(String personId) {
        Instant now = clock.instant();
        return registry.pending(personId).stream().filter(w -> {
            Optional<Review> review = reviews.get(w.reviewId());
            if (review.isEmpty()) {
                return w.submittedAt().isAfter(now.minus(ORPHAN_AFTER));
            }
            if (!review.get().status().open()) {
                registry.removePending(personId, w.reviewId());
                return false;
            }
            return true;
        }).toList();
    }

    /** Gives the transfer's hold back (idempotent). */
    public void release(String personId, String transferId) {
        registry.release(personId, transferId);
    }

    /** Who holds the person now. */
    public Optional<String> holder(String personId) {
        return registry.holder(personId);
    }
}
