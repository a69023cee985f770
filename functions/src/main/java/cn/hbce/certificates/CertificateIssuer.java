package cn.hbce.certificates;

import cn.hbce.common.Ids;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.hours.CeRulesReader;
import cn.hbce.hours.HoursChangeListener;
import cn.hbce.hours.HoursLedger;
import cn.hbce.hours.YearTotals;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps a person's certificate of a year in step with their approved hours; told by hours after
 * every approval and every deletion. It re-reads the totals itself (calls repeat and race), then:
 * <ul>
 * <li>met and no certificate: issues one. The person's year is taken first with a conditional put
 *   (so of hundreds of concurrent calls exactly one issues), then a number is claimed (below);</li>
 * <li>met and REVOKED: re-validates the same certificate (same number and verification code, the
 *   hours of now, a new PDF revision) — a person has one certificate per year, whatever happened;</li>
 * <li>not met and VALID: revokes it;</li>
 * <li>an ISSUING certificate (an earlier call stopped half-way) is finished first.</li>
 * </ul>
 * After each change it reads again, so a deletion and an approval that race end in the state the
 * final totals call for.
 *
 * <p><b>Numbers without gaps or duplicates, without transactions.</b> Number n of a year is the item
 * {@code CERTNO#year / SEQ#n}, created once (conditional put) naming its certificate. A certificate
 * first records on itself the number it is about to try ({@code numberAttempt}, moved only by a
 * compare-and-set), then claims it; if another certificate holds it, it moves on to n+1. So numbers
 * are claimed strictly in order (no gap: every number below the hint is held), each by one
 * certificate (no duplicate), and a certificate holds at most one (every claim of it follows its
 * own attempt). A call that stops after the claim leaves the certificate ISSUING at that attempt;
 * the next call sees it holds the number and finishes it with that one.
 */
public final class CertificateIssuer implements HoursChangeListener {
    /** Changes one call makes at most before leaving the rest to the next call (a settling bound, not a retry count). */
    static final int MAX_ROUNDS = 4;
    /** Numbers tried at most in one call: far above the contention of one year's issuing. */
    static final int MAX_NUMBER_TRIES = 10_000;
    private final HoursLedger ledger;
    private final CeRulesReader rules;
    private final Holders holders;
    private final CertificateRepository certificates;
    private final AuditLog audit;
    private final Clock clock;
    private final String issuer;

    public CertificateIssuer(HoursLedger ledger, CeRulesReader rules, Holders holders, CertificateRepository certificates,
                             AuditLog audit, Clock clock, String issuer) {
        this.ledger = ledger;
        this.rules = rules;
        this.holders = holders;
        this.certificates = certificates;
        this.audit = audit;
        this.clock = clock;
        this.issuer = issuer;
    }

    @Override
    public void approvedHoursChanged(String personId, int year, AuditContext meta) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            YearTotals totals = ledger.approvedTotals(personId, year);
            boolean met = rules.requirementFor(year).metBy(totals);
            Optional<Certificate> current = certificates.find(personId, year);
            if (current.isEmpty()) {
                if (!met || !issue(personId, year, totals, meta)) {
                    return;
                }
                continue;
            }
            Certificate c = current.get();
            switch (c.status()) {
                case ISSUING -> finish(c, meta);
                case VALID -> {
                    if (met) {
                        return;
                    }
                    if (certificates.revoke(personId, year, clock.instant())) {
                        record(meta, "CERTIFICATE_REVOKE", c);
                    }
                }
                case REVOKED -> {
                    if (!met) {
                        return;
                    }
                    if (certificates.revalidate(personId, year, totals.publicHours(), totals.professionalHours(), clock.instant())) {
                        record(meta, "CERTIFICATE_REVALIDATE", c);
                    }
                }
            }
        }
    }

    /** False when the person cannot hold a certificate (no unit); true when the year is now taken (by this call or another). */
    private boolean issue(String personId, int year, YearTotals totals, AuditContext meta) {
        Optional<Holder> holder = holders.holder(personId);
        if (holder.isEmpty()) {
            return false;
        }
        Holder h = holder.get();
        Instant now = clock.instant();
        Certificate issuing = new Certificate(Ids.newId("c"), personId, year, CertificateStatus.ISSUING, null, 0,
                VerifyCodes.next(), h.name(), h.idCardMasked(), h.unitOrgId(), h.unitName(), h.orgPath(),
                totals.publicHours(), totals.professionalHours(), issuer, now, null, 1);
        certificates.claimYear(issuing);
        return true;
    }

    private void finish(Certificate c, AuditContext meta) {
        long attempt = c.numberAttempt();
        if (attempt == 0) {
            long first = certificates.highestNumberHint(c.year()) + 1;
            if (!certificates.moveNumberAttempt(c.personId(), c.year(), 0, first)) {
                return;
            }
            attempt = first;
        }
        for (int tries = 0; tries < MAX_NUMBER_TRIES; tries++) {
            if (certificates.claimNumber(c.year(), attempt, c.certificateId())
                    || certificates.numberHolder(c.year(), attempt).filter(c.certificateId()::equals).isPresent()) {
                // Every number up to this one is held now: others may start above it at once.
                certificates.raiseNumberHint(c.year(), attempt);
                String number = CertificateNumbers.format(c.year(), attempt);
                if (certificates.completeIssue(c, attempt, number)) {
                    audit.record(new AuditRecord(clock.instant(), meta, "CERTIFICATE_ISSUE", "CERTIFICATE",
                            c.certificateId(), AuditRecord.SUCCESS));
                }
                return;
            }
            long next = Math.max(attempt + 1, certificates.highestNumberHint(c.year()) + 1);
            if (!certificates.moveNumberAttempt(c.personId(), c.year(), attempt, next)) {
                // Another call moved it (and claims that one) or finished it: the caller reads again.
                return;
            }
            attempt = next;
        }
        throw new IllegalStateException("No certificate number found in " + MAX_NUMBER_TRIES + " tries");
    }

    private void record(AuditContext meta, String action, Certificate c) {
        audit.record(new AuditRecord(clock.instant(), meta, action, "CERTIFICATE", c.certificateId(), AuditRecord.SUCCESS));
    }
}
