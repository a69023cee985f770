package cn.hbce.change;

import cn.hbce.account.AccountRepository;
import cn.hbce.account.Person;
import cn.hbce.account.PersonRegistration;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.counters.StatsEvents;
import cn.hbce.review.Review;
import cn.hbce.review.ReviewDecisions;
import cn.hbce.review.ReviewEffect;
import cn.hbce.review.ReviewStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The end of a PERSON_CHANGE review. Approval writes the asked values onto the person's record at
 * its current version: if the person was edited after asking, the values are written onto that
 * newer state (re-read and retried), while the review keeps showing what was asked. Every outcome
 * records the decision and the comment on the request and frees the person to ask again. Each step
 * is idempotent, as the workflow may call this more than once. A change that moves an approved
 * person's title moves them between title counters, only when this call's write applied it (a
 * retry finds it ALREADY_APPLIED and counts nothing).
 */
public final class PersonChangeEffect implements ReviewEffect {
    private static final int ATTEMPTS = 10;
    private final AccountRepository accounts;
    private final PersonChangeRepository changes;
    private final ReviewDecisions decisions;
    private final Clock clock;
    private final StatsEvents stats;

    public PersonChangeEffect(AccountRepository accounts, PersonChangeRepository changes, ReviewDecisions decisions,
                              Clock clock) {
        this(accounts, changes, decisions, clock, StatsEvents.NONE);
    }

    public PersonChangeEffect(AccountRepository accounts, PersonChangeRepository changes, ReviewDecisions decisions,
                              Clock clock, StatsEvents stats) {
        this.accounts = accounts;
        this.changes = changes;
        this.decisions = decisions;
        this.clock = clock;
        this.stats = stats;
    }

    @Override
    public void apply(Review review, ReviewStatus outcome) {
        if (review.detail() == null || !review.detail().containsKey("requestedAt")) {
            // A PERSON_CHANGE review not submitted through PersonChangeService: no request to decide.
            return;
        }
        String personId = review.subjectId();
        boolean approved = outcome == ReviewStatus.APPROVED;
        if (approved) {
            applyValues(personId, review.reviewId(), asked(review));
        }
        Instant submittedAt = Instant.parse(String.valueOf(review.detail().get("requestedAt")));
        ChangeStatus status = approved ? ChangeStatus.APPROVED : ChangeStatus.REJECTED;
        String comment = decisions.comment(review.reviewId(), approved ? ReviewStatus.APPROVED : ReviewStatus.REJECTED)
                .orElse(null);
        changes.decide(personId, submittedAt, review.reviewId(), status, comment, clock.instant());
        changes.releasePending(personId, review.reviewId());
    }

    private void applyValues(String personId, String reviewId, Map<String, String> values) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Person before = accounts.person(personId).orElseThrow(() -> new IllegalStateException("No person " + personId));
            PersonChangeRepository.Applied applied = changes.applyTitle(personId, before.version(), reviewId, values);
            if (applied == PersonChangeRepository.Applied.APPLIED) {
                countTitle(before.registration(), values);
            }
            if (applied != PersonChangeRepository.Applied.STALE) {
                return;
            }
        }
        // The workflow retries the finish step: a person edited this often in a row is tried again later.
        throw new IllegalStateException("Person " + personId + " kept changing while applying " + reviewId);
    }

    /** The version-guarded write saw exactly {@code reg}, so the title moved from its title to the asked one. */
    private void countTitle(PersonRegistration reg, Map<String, String> values) {
        if (reg == null || reg.status() != RegistrationStatus.APPROVED) {
            return;
        }
        String series = values.getOrDefault("titleSeries", reg.titleSeries());
        String level = values.getOrDefault("titleLevel", reg.titleLevel());
        if (!java.util.Objects.equals(series, reg.titleSeries()) || !java.util.Objects.equals(level, reg.titleLevel())) {
            stats.titleChanged(reg.orgId(), reg.titleSeries(), reg.titleLevel(), series, level);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> asked(Review review) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Object c : (List<Object>) review.detail().get("changes")) {
            Map<String, Object> change = (Map<String, Object>) c;
            values.put(String.valueOf(change.get("field")), String.valueOf(change.get("after")));
        }
        return values;
    }
}
