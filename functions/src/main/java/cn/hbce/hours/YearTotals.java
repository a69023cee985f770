package cn.hbce.hours;

/**
 * A person's APPROVED hours of one year by category: what the annual status shows and what a
 * certificate is issued on. Deleted, pending and rejected records never count here.
 */
public record YearTotals(double publicHours, double professionalHours) {

    public static final YearTotals NONE = new YearTotals(0, 0);

    /** Every approved hour counts toward the total, also hours beyond a category's requirement. */
    public double total() {
        return publicHours + professionalHours;
    }
}
