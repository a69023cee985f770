package cn.hbce.stats;

import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.log.JsonLog;
import cn.hbce.hours.CeRulesReader;
import cn.hbce.hours.Category;
import cn.hbce.hours.HoursChangeListener;
import cn.hbce.hours.HoursRecord;
import cn.hbce.hours.HoursRepository;
import cn.hbce.hours.RecordStatus;
import java.time.Clock;
import java.util.Optional;

/**
 * Keeps the year counters (approved records, hours by category, met, certificates) in step with a
 * person's year. It never trusts a delta: hours tell it after every approval and deletion (calls
 * repeat and race, see {@link HoursChangeListener}), so it re-reads the person's records of the
 * year, the certificate and the person's org, compares the figures with what this person added last
 * time ({@link Contributions}), replaces that with a compare-and-set and bumps only the difference.
 * A repeated call finds nothing to add; a person who moved since the last count takes what they
 * added from the old org's chain to the new one (that is how a transfer moves hours).
 *
 * <p>Composed after the certificate issuer, so the certificate it reads is the one this change left.
 * Counting never fails the caller: the change it follows has happened; the job repairs any drift.
 */
public final class PersonYearCounter implements HoursChangeListener {
    /** Compare-and-set rounds before leaving the rest to the next call or the job. */
    static final int ATTEMPTS = 5;
    private final Contributions contributions;
    private final HoursRepository records;
    private final CeRulesReader rules;
    private final CertificateStates certificates;
    private final Members members;
    private final LiveCounters live;
    private final Clock clock;

    public PersonYearCounter(Contributions contributions, HoursRepository records, CeRulesReader rules,
                             CertificateStates certificates, Members members, LiveCounters live, Clock clock) {
        this.contributions = contributions;
        this.records = records;
        this.rules = rules;
        this.certificates = certificates;
        this.members = members;
        this.live = live;
        this.clock = clock;
    }

    @Override
    public void approvedHoursChanged(String personId, int year, AuditContext meta) {
        recount(personId, year);
    }

    /** Brings the counters in line with the person's year as it is now; true when they were already or are now. */
    public boolean recount(String personId, int year) {
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Optional<Contributions.Stored> stored = contributions.get(personId, year);
                Optional<Members.Member> member = members.approved(personId);
                String orgId = member.map(Members.Member::orgId).orElse(null);
                Figures now = orgId == null ? new Figures() : figures(personId, year);
                String before = stored.map(Contributions.Stored::orgId).orElse(null);
                Figures was = stored.map(Contributions.Stored::figures).orElseGet(Figures::new);
                if (java.util.Objects.equals(before, orgId) && was.sameAs(now)) {
                    return true;
                }
                long version = stored.map(Contributions.Stored::version).orElse(0L);
                if (!contributions.replace(personId, year, version, orgId, now, clock.instant())) {
                    continue;
                }
                if (before != null && before.equals(orgId)) {
                    live.addToYear(orgId, year, now.minus(was));
                } else {
                    if (before != null && !was.asMap().isEmpty()) {
                        live.addToYear(before, year, was.negated());
                    }
                    if (orgId != null && !now.asMap().isEmpty()) {
                        live.addToYear(orgId, year, now);
                    }
                }
                return true;
            }
            JsonLog.warn("stats.recount.contended", "year", year);
        } catch (RuntimeException e) {
            JsonLog.warn("stats.recount.failed", "year", year, "error", e.getClass().getSimpleName());
        }
        return false;
    }

    private Figures figures(String personId, int year) {
        long approved = 0;
        long pub = 0;
        long pro = 0;
        for (HoursRecord r : records.ofPersonYear(personId, year)) {
            if (r.status() == RecordStatus.APPROVED) {
                approved++;
                if (r.category() == Category.PUBLIC) {
                    pub += PersonYearFigures.tenths(r.hours());
                } else {
                    pro += PersonYearFigures.tenths(r.hours());
                }
            }
        }
        return PersonYearFigures.of(approved, pub, pro, certificates.status(personId, year).orElse(null),
                rules.requirementFor(year));
    }
}
