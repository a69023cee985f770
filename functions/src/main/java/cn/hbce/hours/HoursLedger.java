package cn.hbce.hours;

/**
 * The approved hours of one person and year, read consistently (strongly consistent reads) so that
 * a caller reacting to an approval sees that approval. Only APPROVED records count; DELETED,
 * PENDING and REJECTED ones are excluded.
 */
public interface HoursLedger {

    YearTotals approvedTotals(String personId, int year);
}
