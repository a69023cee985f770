package cn.hbce.persons;

import cn.hbce.common.audit.AuditContext;
import cn.hbce.hours.HoursChangeListener;
import cn.hbce.hours.HoursLedger;
import cn.hbce.hours.YearTotals;

/**
 * Keeps the person's yearly summary ({@link PersonYearHours}) equal to the approved hours of the
 * year. Calls repeat and race (two approvals of one person at once), so it never applies a delta: it
 * reads the totals consistently from the ledger, stores them, and reads again; when the totals moved
 * meanwhile (another approval landed between the read and the write) it stores again. Whether a
 * person met the year is not stored: it is the year's rule applied when read, so a change of the
 * rules needs no rewrite of summaries.
 */
public final class PersonYearSummaryListener implements HoursChangeListener {
    /** Rounds of read-write-read before leaving the rest to the next call of the other approval. */
    static final int MAX_ROUNDS = 3;
    private final HoursLedger ledger;
    private final PersonYearHours summaries;

    public PersonYearSummaryListener(HoursLedger ledger, PersonYearHours summaries) {
        this.ledger = ledger;
        this.summaries = summaries;
    }

    @Override
    public void approvedHoursChanged(String personId, int year, AuditContext meta) {
        YearTotals totals = ledger.approvedTotals(personId, year);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            summaries.put(personId, year, totals);
            YearTotals now = ledger.approvedTotals(personId, year);
            if (now.equals(totals)) {
                return;
            }
            totals = now;
        }
    }
}
