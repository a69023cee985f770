package cn.hbce.hours;

/** Approved totals summed from the person's records of the year (one consistent Query). */
public final class RecordLedger implements HoursLedger {
    private final HoursRepository records;

    public RecordLedger(HoursRepository records) {
        this.records = records;
    }

    @Override
    public YearTotals approvedTotals(String personId, int year) {
        double pub = 0;
        double pro = 0;
        for (HoursRecord r : records.ofPersonYear(personId, year)) {
            if (r.status() == RecordStatus.APPROVED) {
                if (r.category() == Category.PUBLIC) {
                    pub += r.hours();
                } else {
                    pro += r.hours();
                }
            }
        }
        return new YearTotals(pub, pro);
    }
}
