package cn.hbce.hours;

import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.counters.StatsEvents;
import cn.hbce.review.Review;
import cn.hbce.review.ReviewEffect;
import cn.hbce.review.ReviewStatus;
import java.time.Clock;
import java.time.Instant;

/**
 * The end of an HOURS_CLAIM review: the record becomes APPROVED or REJECTED (an expired review
 * rejects it), guarded by its status and review id so a retry changes nothing, and after an approval
 * the listener hears of it — on every attempt, since a crash may fall between the write and the call.
 * A rejected claim frees its place under the caps; the person may claim the activity again.
 */
public final class HoursClaimEffect implements ReviewEffect {
    private final HoursRepository records;
    private final HoursChangeListener listener;
    private final AuditLog audit;
    private final Clock clock;
    private final StatsEvents stats;

    public HoursClaimEffect(HoursRepository records, HoursChangeListener listener, AuditLog audit, Clock clock) {
        this(records, listener, audit, clock, StatsEvents.NONE);
    }

    /** {@code stats} hears when a claim stops waiting (only from the write that ended it). */
    public HoursClaimEffect(HoursRepository records, HoursChangeListener listener, AuditLog audit, Clock clock,
                            StatsEvents stats) {
        this.stats = stats;
        this.records = records;
        this.listener = listener;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void apply(Review review, ReviewStatus outcome) {
        String recordId = String.valueOf(review.detail().get("recordId"));
        RecordIds.Parts parts = RecordIds.parse(recordId)
                .orElseThrow(() -> new IllegalStateException("review " + review.reviewId() + " names no hours record"));
        Instant now = clock.instant();
        AuditContext system = AuditContext.system("workflow");
        if (outcome == ReviewStatus.APPROVED) {
            if (records.decide(recordId, review.reviewId(), RecordStatus.APPROVED, now)) {
                audit.record(new AuditRecord(now, system, "APPROVE_HOURS_RECORD", "HOURS_RECORD", recordId, AuditRecord.SUCCESS));
                closed(review, parts.year());
            }
            listener.approvedHoursChanged(parts.personId(), parts.year(), system);
        } else if (outcome == ReviewStatus.REJECTED || outcome == ReviewStatus.EXPIRED) {
            if (records.decide(recordId, review.reviewId(), RecordStatus.REJECTED, now)) {
                audit.record(new AuditRecord(now, system, "REJECT_HOURS_RECORD", "HOURS_RECORD", recordId, outcome.name()));
                closed(review, parts.year());
            }
        }
    }

    /** The claim was counted at the person's org when submitted (a person with pending claims cannot be moved). */
    private void closed(Review review, int year) {
        Object org = review.detail() == null ? null : review.detail().get("unitOrgId");
        if (org != null) {
            stats.hoursClaimClosed(String.valueOf(org), year);
        }
    }
}
