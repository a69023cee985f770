package cn.hbce.persons;

import cn.hbce.hours.YearTotals;
import java.util.Collection;
import java.util.Map;

/**
 * The per-person yearly summary of approved hours: one small item per person and year, kept by
 * {@link PersonYearSummaryListener} whenever the hours feature reports a change. The person query
 * reads it for a page of persons at once instead of summing each person's records.
 */
public interface PersonYearHours {

    /** Stores the totals of a person's year (replacing what was there). */
    void put(String personId, int year, YearTotals totals);

    /** The stored totals of one person and year; {@link YearTotals#NONE} when nothing is stored. */
    YearTotals of(String personId, int year);

    /** The stored totals of one year for many persons at once (persons with none are absent). */
    Map<String, YearTotals> ofPersons(Collection<String> personIds, int year);

    /** Every stored year of one person, by year. */
    Map<Integer, YearTotals> years(String personId);
}
