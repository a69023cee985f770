package cn.hbce.persons;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.hbce.hours.HoursLedger;
import cn.hbce.hours.YearTotals;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The yearly summary ends equal to the ledger even when another approval lands between a read and the write. */
class PersonYearSummaryListenerTest {

    private static final class MemorySummaries implements PersonYearHours {
        final Map<String, YearTotals> stored = new HashMap<>();
        final List<YearTotals> writes = new ArrayList<>();
        Runnable afterWrite = () -> { };

        @Override
        public void put(String personId, int year, YearTotals totals) {
            stored.put(personId + "/" + year, totals);
            writes.add(totals);
            afterWrite.run();
        }

        @Override
        public YearTotals of(String personId, int year) {
            return stored.getOrDefault(personId + "/" + year, YearTotals.NONE);
        }

        @Override
        public Map<String, YearTotals> ofPersons(Collection<String> personIds, int year) {
            return Map.of();
        }

        @Override
        public Map<Integer, YearTotals> years(String personId) {
            return Map.of();
        }
    }

    @Test
    void storesTheLedgersTotalsAndARepeatedCallWritesTheSame() {
        MemorySummaries summaries = new MemorySummaries();
        HoursLedger ledger = (personId, year) -> new YearTotals(30, 60);
        PersonYearSummaryListener listener = new PersonYearSummaryListener(ledger, summaries);
        listener.approvedHoursChanged("p1", 2026, null);
        listener.approvedHoursChanged("p1", 2026, null);
        assertEquals(new YearTotals(30, 60), summaries.of("p1", 2026));
        assertEquals(List.of(new YearTotals(30, 60), new YearTotals(30, 60)), summaries.writes);
    }

    @Test
    void aChangeThatLandsWhileWritingIsWrittenToo() {
        MemorySummaries summaries = new MemorySummaries();
        YearTotals[] ledgerNow = {new YearTotals(0, 60)};
        HoursLedger ledger = (personId, year) -> ledgerNow[0];
        // Another approval is recorded right after this call stored what it had read.
        summaries.afterWrite = () -> ledgerNow[0] = new YearTotals(30, 60);
        new PersonYearSummaryListener(ledger, summaries).approvedHoursChanged("p1", 2026, null);
        assertEquals(new YearTotals(30, 60), summaries.of("p1", 2026), "the summary is not left at the stale totals");
    }
}
