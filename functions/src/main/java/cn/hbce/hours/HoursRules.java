package cn.hbce.hours;

import cn.hbce.common.domain.Invalid;
import cn.hbce.common.domain.Reason;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The checks of a year's rules on hours someone asks to record: hours positive (one decimal at
 * most), dates in order, inside the year and not in the future, the claim deadline not passed, a
 * known activity type, its conversion (whole units) and its yearly cap counted over the person's
 * PENDING and APPROVED hours of that type. Each broken rule is its own reason, so the 400 says which.
 */
public final class HoursRules {
    /** More than any single activity can be worth; a typo of 1000 for 10 is refused. */
    public static final double MAX_HOURS = 1000;

    private HoursRules() {
    }

    /** Everything but the cap: what one activity must satisfy whoever it is recorded for. */
    public static ActivityType checkActivity(CeRules rules, String activityType, double hours, LocalDate start,
                                             LocalDate end, LocalDate today) {
        if (!(hours > 0) || hours > MAX_HOURS || Math.abs(hours * 10 - Math.rint(hours * 10)) > 1e-9) {
            throw new Invalid(Reason.HOURS_NOT_POSITIVE, List.of("hours"));
        }
        if (end.isBefore(start)) {
            throw new Invalid(Reason.HOURS_DATES_REVERSED, List.of("startDate", "endDate"));
        }
        if (start.getYear() != rules.year() || end.getYear() != rules.year()) {
            throw new Invalid(Reason.HOURS_DATES_OUTSIDE_YEAR, List.of("startDate", "endDate"));
        }
        if (end.isAfter(today)) {
            throw new Invalid(Reason.HOURS_DATES_IN_FUTURE, List.of("endDate"));
        }
        if (today.isAfter(rules.claimDeadline())) {
            throw new Invalid(Reason.HOURS_PAST_DEADLINE, List.of("year"));
        }
        ActivityType type = rules.activity(activityType)
                .orElseThrow(() -> new Invalid(Reason.HOURS_UNKNOWN_ACTIVITY, List.of("activityType")));
        if (type.hoursPerUnit() != null) {
            double units = hours / type.hoursPerUnit();
            if (Math.abs(units - Math.rint(units)) > 1e-9) {
                throw new Invalid(Reason.HOURS_WRONG_CONVERSION, List.of("hours"));
            }
        }
        return type;
    }

    /** Whether {@code hours} more of this type still fit its yearly cap, given the person's records of the year. */
    public static boolean fitsCap(ActivityType type, double hours, Collection<HoursRecord> ofYear) {
        if (type.maxHoursPerYear() == null) {
            return true;
        }
        double used = ofYear.stream().filter(r -> r.status().live() && r.activityType().equals(type.code()))
                .mapToDouble(HoursRecord::hours).sum();
        return used + hours <= type.maxHoursPerYear() + 1e-9;
    }
}
