package cn.hbce.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.domain.NotFound;
import cn.hbce.common.paging.PageRequest;
import cn.hbce.hours.YearRequirement;
import cn.hbce.hours.YearTotals;
import cn.hbce.org.Org;
import cn.hbce.org.OrgStatus;
import cn.hbce.org.OrgType;
import cn.hbce.testing.Actors;
import cn.hbce.testing.fakes.FakeTable;
import cn.hbce.testing.fakes.InMemoryCertificateRepository;
import cn.hbce.testing.fakes.InMemoryOrgRepository;
import cn.hbce.testing.fakes.RecordingAuditLog;
import cn.hbce.testing.fakes.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who sees and prints which certificate, the PDF drawn once per revision, and the public verification. */
class CertificateServiceTest {
    private final TestClock clock = new TestClock();
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final InMemoryOrgRepository orgs = new InMemoryOrgRepository(new FakeTable(clock));
    private final InMemoryCertificateRepository certificates = new InMemoryCertificateRepository();
    private final Map<String, YearTotals> approved = new ConcurrentHashMap<>();
    private final Map<String, byte[]> stored = new ConcurrentHashMap<>();
    private int puts;
    private CertificateService service;
    private CertificateIssuer issuer;

    private final Holders holders = new Holders() {
        @Override
        public Optional<Holder> holder(String personId) {
            String unit = personId.equals("p_far") ? "o_unit2" : "o_unit";
            return Optional.of(new Holder(personId, "张三明", "4201**********1234", unit, "单位" + unit,
                    new OrgPaths(orgs).pathOf(unit).orElseThrow()));
        }

        @Override
        public Optional<String> currentUnit(String personId) {
            return holder(personId).map(Holder::unitOrgId);
        }
    };

    private final PdfStore pdfs = new PdfStore() {
        @Override
        public boolean exists(String key) {
            return stored.containsKey(key);
        }

        @Override
        public void put(String key, byte[] pdf) {
            puts++;
            stored.put(key, pdf);
        }

        @Override
        public Link presignedGet(String key, String downloadName, Duration validFor) {
            assertTrue(stored.containsKey(key), "a link to a stored PDF");
            return new Link("https://bucket.example/" + key + "?sig", Instant.parse("2026-11-28T02:05:00Z"));
        }
    };

    private void org(String id, OrgType type, String parent) {
        orgs.create(new Org(id, type, id, null, parent, OrgStatus.APPROVED, null, null, null, 1, clock.instant(), clock.instant()));
    }

    @BeforeEach
    void tree() {
        org("o_root", OrgType.HRSS, null);
        org("o_dept", OrgType.DEPARTMENT, "o_root");
        org("o_unit", OrgType.UNIT, "o_dept");
        org("o_dept2", OrgType.DEPARTMENT, "o_root");
        org("o_unit2", OrgType.UNIT, "o_dept2");
        service = new CertificateService(certificates, holders, new OrgPaths(orgs), pdfs, audit, clock,
                "https://hbce.example.cn/verify/");
        issuer = new CertificateIssuer((p, y) -> approved.getOrDefault(p, YearTotals.NONE), y -> new YearRequirement(30, 60, 90),
                holders, certificates, audit, clock, "湖北省人力资源和社会保障厅");
    }

    private Certificate issue(String personId) {
        approved.put(personId, new YearTotals(30, 60));
        issuer.approvedHoursChanged(personId, 2026, AuditContext.system("t"));
        return certificates.find(personId, 2026).orElseThrow();
    }

    @Test
    void thePdfIsDrawnOncePerRevisionAndEveryDownloadIsAudited() {
        Certificate c = issue("p_1");
        var person = Actors.professional("p_1", "o_unit");
        PdfStore.Link first = service.pdf(person.principal(), c.certificateId(), person.meta());
        PdfStore.Link second = service.pdf(person.principal(), c.certificateId(), person.meta());
        assertEquals(1, puts, "generated once, then cached");
        assertEquals(first.url(), second.url());
        assertTrue(first.url().contains("certificates/" + c.certificateId() + "/r1.pdf"), first.url());
        assertEquals(List.of("SUCCESS", "SUCCESS"), audit.results("CERTIFICATE_PDF_DOWNLOAD", c.certificateId()));

        approved.put("p_1", new YearTotals(10, 60));
        issuer.approvedHoursChanged("p_1", 2026, AuditContext.system("t"));
        approved.put("p_1", new YearTotals(35, 60));
        issuer.approvedHoursChanged("p_1", 2026, AuditContext.system("t"));
        PdfStore.Link revalidated = service.pdf(person.principal(), c.certificateId(), person.meta());
        assertEquals(2, puts, "a re-validated certificate prints its new hours");
        assertTrue(revalidated.url().contains("/r2.pdf"), revalidated.url());
    }

    @Test
    void adminsInJurisdictionWithThePermissionMayPrintOthersSeeNothing() {
        Certificate c = issue("p_1");
        var dept = Actors.adminOf("o_dept", "DEPARTMENT", "p_admin", false, Set.of("certificates.view"));
        assertTrue(service.pdf(dept.principal(), c.certificateId(), dept.meta()).url().contains(c.certificateId()));
        var root = Actors.adminOf("o_root", "HRSS", "p_root", true, Set.of());
        service.pdf(root.principal(), c.certificateId(), root.meta());
        var otherDept = Actors.adminOf("o_dept2", "DEPARTMENT", "p_other", false, Set.of("certificates.view"));
        assertThrows(NotFound.class, () -> service.pdf(otherDept.principal(), c.certificateId(), otherDept.meta()));
        var withoutPermission = Actors.adminOf("o_dept", "DEPARTMENT", "p_np", false, Set.of("stats.view"));
        assertThrows(NotFound.class, () -> service.pdf(withoutPermission.principal(), c.certificateId(), withoutPermission.meta()));
        var anotherPerson = Actors.professional("p_2", "o_unit");
        assertThrows(NotFound.class, () -> service.pdf(anotherPerson.principal(), c.certificateId(), anotherPerson.meta()));
        assertThrows(NotFound.class, () -> service.pdf(dept.principal(), "c_missing", dept.meta()));
    }

    @Test
    void listsShowOnlyPersonsInJurisdictionAndAForeignUnitFilterIsEmpty() {
        Certificate near = issue("p_1");
        Certificate far = issue("p_far");
        var dept = Actors.adminOf("o_dept", "DEPARTMENT", "p_admin", false, Set.of("certificates.view"));
        var none = new CertificateService.Query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        var rows = service.list(dept.principal(), none, PageRequest.first(20)).items();
        assertEquals(List.of(near.certificateId()), rows.stream().map(CertificateService.ListView::certificateId).toList());
        var foreignUnit = new CertificateService.Query(Optional.empty(), Optional.empty(), Optional.of("o_unit2"), Optional.empty());
        assertTrue(service.list(dept.principal(), foreignUnit, PageRequest.first(20)).items().isEmpty());
        var root = Actors.adminOf("o_root", "HRSS", "p_root", true, Set.of());
        assertEquals(2, service.list(root.principal(), none, PageRequest.first(20)).items().size());
        var revoked = new CertificateService.Query(Optional.of(2026), Optional.empty(), Optional.empty(),
                Optional.of(CertificateStatus.REVOKED));
        assertTrue(service.list(root.principal(), revoked, PageRequest.first(20)).items().isEmpty());
        var mine = service.mine(Actors.professional("p_far", "o_unit2").principal(), PageRequest.first(20)).items();
        assertEquals(List.of(far.verifyCode()), mine.stream().map(CertificateService.OwnView::verifyCode).toList());
    }

    @Test
    void verificationShowsAMaskedNameAndSaysWhenRevoked() {
        Certificate c = issue("p_1");
        CertificateService.Verification v = service.verify(c.verifyCode());
        assertTrue(v.valid());
        assertEquals("张*明", v.name());
        assertEquals(c.certificateNo(), v.certificateNo());
        assertEquals(90, v.totalHours());
        approved.put("p_1", new YearTotals(30, 10));
        issuer.approvedHoursChanged("p_1", 2026, AuditContext.system("t"));
        CertificateService.Verification revoked = service.verify(c.verifyCode());
        assertFalse(revoked.valid());
        assertEquals("REVOKED", revoked.status());
        assertThrows(NotFound.class, () -> service.verify("ABCDEFGHJKMN"));
        assertThrows(NotFound.class, () -> service.verify("abc"));
        assertEquals("https://hbce.example.cn/verify/" + c.verifyCode(), service.verifyUrl(c));
    }

    @Test
    void namesAreMaskedToFirstAndLastCharacter() {
        assertEquals("张*明", NameMasking.mask("张三明"));
        assertEquals("李*", NameMasking.mask("李四"));
        assertEquals("欧**华", NameMasking.mask("欧阳晓华"));
    }
}
