package cn.hbce.hours;

/**
 * What a year's rules ask of every person: 公需 and 专业 minimums and the total. Kept per year as
 * data (HRSS edits it), never as constants in code.
 */
public record YearRequirement(double publicHours, double professionalHours, double totalHours) {

    /**
     * A person meets the year when each category reaches its minimum and the sum reaches the total;
     * hours over a category's minimum count toward the total only.
     */
    public boolean metBy(YearTotals t) {
        return t.publicHours() >= publicHours
                && t.professionalHours() >= professionalHours
                && t.total() >= totalHours;
    }
}
