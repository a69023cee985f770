package cn.hbce.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.common.audit.AuditContext;
import cn.hbce.hours.YearRequirement;
import cn.hbce.hours.YearTotals;
import cn.hbce.testing.Race;
import cn.hbce.testing.fakes.RecordingAuditLog;
import cn.hbce.testing.fakes.TestClock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the issuer promises over a {@link CertificateRepository}, run on the in-memory fake
 * ({@code InMemoryCertificateIssuerTest}) and on dynalite ({@code DynamoCertificateIssuerIT}):
 * one certificate per person and year however many calls race, numbers 1..n of a year without
 * gap or duplicate under concurrency, revocation below the rules and re-validation above them.
 */
public abstract class CertificateIssuerContract {
    static final int YEAR = 2026;
    static final YearRequirement RULES = new YearRequirement(30, 60, 90);
    protected final TestClock clock = new TestClock();
    protected final RecordingAuditLog audit = new RecordingAuditLog();
    protected final Map<String, YearTotals> approved = new ConcurrentHashMap<>();
    protected final AtomicInteger ledgerReads = new AtomicInteger();
    protected CertificateRepository certificates;
    protected CertificateIssuer issuer;

    protected abstract CertificateRepository freshRepository();

    static final Holders HOLDERS = new Holders() {
        @Override
        public Optional<Holder> holder(String personId) {
            return personId.startsWith("p_") ? Optional.of(new Holder(personId, "张三明", "4201**********1234",
                    "o_unit", "武汉市第一医院", "/o_root/o_dept/o_unit/")) : Optional.empty();
        }

        @Override
        public Optional<String> currentUnit(String personId) {
            return holder(personId).map(Holder::unitOrgId);
        }
    };

    @BeforeEach
    void wire() {
        certificates = freshRepository();
        issuer = new CertificateIssuer((personId, year) -> {
            ledgerReads.incrementAndGet();
            return approved.getOrDefault(personId + "#" + year, YearTotals.NONE);
        }, year -> RULES, HOLDERS, certificates, audit, clock, "湖北省人力资源和社会保障厅");
    }

    void approve(String personId, double publicHours, double professionalHours) {
        approved.put(personId + "#" + YEAR, new YearTotals(publicHours, professionalHours));
    }

    void changed(String personId) {
        issuer.approvedHoursChanged(personId, YEAR, AuditContext.system("test"));
    }

    @Test
    void nothingIsIssuedUntilEveryRequirementIsMetThenExactlyOne() {
        approve("p_1", 30, 59);
        changed("p_1");
        assertTrue(certificates.find("p_1", YEAR).isEmpty(), "专业 59 < 60");
        approve("p_1", 20, 80);
        changed("p_1");
        assertTrue(certificates.find("p_1", YEAR).isEmpty(), "公需 20 < 30, even with 100 in total");
        approve("p_1", 30, 60);
        changed("p_1");
        Certificate c = certificates.find("p_1", YEAR).orElseThrow();
        assertEquals(CertificateStatus.VALID, c.status());
        assertEquals("HBCE-2026-000001", c.certificateNo());
        assertEquals(30, c.publicHours());
        assertEquals(60, c.professionalHours());
        assertEquals("张三明", c.name());
        assertTrue(VerifyCodes.plausible(c.verifyCode()), c.verifyCode());
        approve("p_1", 40, 70);
        changed("p_1");
        assertEquals(c, certificates.find("p_1", YEAR).orElseThrow(), "later approvals change nothing");
        assertEquals(1, audit.of("CERTIFICATE_ISSUE").size());
    }

    @Test
    void hundredsOfConcurrentCallsForOnePersonIssueOneCertificate() throws Exception {
        approve("p_race", 30, 60);
        Race.run(20, () -> {
            changed("p_race");
            return null;
        });
        Certificate c = certificates.find("p_race", YEAR).orElseThrow();
        assertEquals(CertificateStatus.VALID, c.status());
        assertEquals("HBCE-2026-000001", c.certificateNo());
        assertEquals(1, audit.of("CERTIFICATE_ISSUE").size());
        approve("p_next", 30, 60);
        changed("p_next");
        assertEquals("HBCE-2026-000002", certificates.find("p_next", YEAR).orElseThrow().certificateNo(),
                "the racing calls took one number between them");
    }

    @Test
    void numbersOfConcurrentIssuesHaveNoGapAndNoDuplicate() throws Exception {
        int persons = 20;
        for (int i = 0; i < persons; i++) {
            approve("p_" + i, 30, 60);
        }
        AtomicInteger next = new AtomicInteger();
        Race.run(persons, () -> {
            changed("p_" + next.getAndIncrement());
            return null;
        });
        Set<String> numbers = IntStream.range(0, persons)
                .mapToObj(i -> certificates.find("p_" + i, YEAR).orElseThrow())
                .peek(c -> assertEquals(CertificateStatus.VALID, c.status()))
                .map(Certificate::certificateNo).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = IntStream.rangeClosed(1, persons).mapToObj(n -> CertificateNumbers.format(YEAR, n))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, numbers);
        assertEquals(persons, audit.of("CERTIFICATE_ISSUE").size());
    }

    @Test
    void aDeletionBelowTheRulesRevokesAndMeetingThemAgainRevalidatesTheSameCertificate() {
        approve("p_1", 30, 60);
        changed("p_1");
        Certificate issued = certificates.find("p_1", YEAR).orElseThrow();
        approve("p_1", 30, 48);
        changed("p_1");
        Certificate revoked = certificates.find("p_1", YEAR).orElseThrow();
        assertEquals(CertificateStatus.REVOKED, revoked.status());
        assertEquals(issued.certificateNo(), revoked.certificateNo());
        assertEquals(List.of("SUCCESS"), audit.results("CERTIFICATE_REVOKE", issued.certificateId()));
        changed("p_1");
        assertEquals(1, audit.of("CERTIFICATE_REVOKE").size(), "a repeated call revokes nothing more");

        approve("p_1", 30, 72);
        changed("p_1");
        Certificate again = certificates.find("p_1", YEAR).orElseThrow();
        assertEquals(CertificateStatus.VALID, again.status());
        assertEquals(issued.certificateId(), again.certificateId());
        assertEquals(issued.certificateNo(), again.certificateNo(), "one certificate per person and year: the same number");
        assertEquals(issued.verifyCode(), again.verifyCode());
        assertEquals(72, again.professionalHours(), "printed with the hours that meet the rules now");
        assertEquals(2, again.revision(), "its own PDF");
        assertEquals(List.of("SUCCESS"), audit.results("CERTIFICATE_REVALIDATE", issued.certificateId()));
        assertEquals(1, audit.of("CERTIFICATE_ISSUE").size());
    }

    @Test
    void anIssueInterruptedAfterTakingItsNumberIsFinishedWithThatNumber() {
        Certificate halfDone = new Certificate("c_half", "p_half", YEAR, CertificateStatus.ISSUING, null, 0, VerifyCodes.next(),
                "李四", "4201**********0011", "o_unit", "武汉市第一医院", "/o_root/o_dept/o_unit/", 30, 60, "湖北省人力资源和社会保障厅",
                clock.instant(), null, 1);
        assertTrue(certificates.claimYear(halfDone));
        assertTrue(certificates.moveNumberAttempt("p_half", YEAR, 0, 1));
        assertTrue(certificates.claimNumber(YEAR, 1, "c_half"));
        // ...and the call stopped here. The next one (this person's or another's) must not lose number 1.
        approve("p_other", 30, 60);
        changed("p_other");
        assertEquals("HBCE-2026-000002", certificates.find("p_other", YEAR).orElseThrow().certificateNo());
        approve("p_half", 30, 60);
        changed("p_half");
        Certificate finished = certificates.find("p_half", YEAR).orElseThrow();
        assertEquals(CertificateStatus.VALID, finished.status());
        assertEquals("HBCE-2026-000001", finished.certificateNo());
        assertNotEquals(null, finished.verifyCode());
    }

    @Test
    void someoneWithoutAUnitGetsNoCertificate() {
        approve("admin_only", 30, 60);
        changed("admin_only");
        assertTrue(certificates.find("admin_only", YEAR).isEmpty());
        assertTrue(audit.all().isEmpty());
    }
}
