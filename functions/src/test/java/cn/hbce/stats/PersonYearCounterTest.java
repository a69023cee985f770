package cn.hbce.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.common.paging.Page;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.hours.Category;
import cn.hbce.hours.HoursQuery;
import cn.hbce.hours.HoursRecord;
import cn.hbce.hours.HoursRepository;
import cn.hbce.hours.RecordSource;
import cn.hbce.hours.RecordStatus;
import cn.hbce.org.OrgType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live counting rules of a person's year without AWS: approvals, deletions, certificates and
 * compliance reach the org and every ancestor once however often hours call; a transfer moves the
 * person's figures of every year from the old subtree to the new one once, however often the step
 * is retried; someone who is not an approved member counts nowhere.
 */
class PersonYearCounterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T04:00:00Z"), ZoneOffset.UTC);
    private static final AuditContext META = AuditContext.system("test");

    /** Only the person-year read the counter uses. */
    static final class Records implements HoursRepository {
        final List<HoursRecord> all = new ArrayList<>();

        void add(String id, String personId, int year, Category category, double hours, RecordStatus status) {
            all.removeIf(r -> r.recordId().equals(id));
            all.add(new HoursRecord(id, personId, "张三", "4201**********0011", "unit", "医院", "dept", year, category,
                    "TRAINING", "课程", hours, LocalDate.of(year, 3, 1), LocalDate.of(year, 3, 2), null, status,
                    RecordSource.CLAIM, "r", null, List.of(), CLOCK.instant(), null, null));
        }

        @Override
        public List<HoursRecord> ofPersonYear(String personId, int year) {
            return all.stream().filter(r -> r.personId().equals(personId) && r.year() == year).toList();
        }

        @Override
        public boolean create(HoursRecord record) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void putAll(Collection<HoursRecord> records) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<HoursRecord> ofPerson(String personId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<HoursRecord> get(String recordId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean decide(String recordId, String reviewId, RecordStatus outcome, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<RecordStatus> softDelete(String recordId, String reason, String deletedBy, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<HoursRecord> list(HoursQuery query) {
            throw new UnsupportedOperationException();
        }
    }

    /** Contributions with the compare-and-set of the real item; {@code loseNext} makes the next write lose a race. */
    static final class MemoryContributions implements Contributions {
        final Map<String, Stored> items = new TreeMap<>();
        final Map<String, Boolean> moves = new HashMap<>();
        int loseNext;

        @Override
        public Optional<Stored> get(String personId, int year) {
            return Optional.ofNullable(items.get(personId + "#" + year));
        }

        @Override
        public boolean replace(String personId, int year, long expectedVersion, String orgId, Figures figures, Instant at) {
            Stored current = items.get(personId + "#" + year);
            long version = current == null ? 0 : current.version();
            if (loseNext > 0) {
                loseNext--;
                return false;
            }
            if (version != expectedVersion) {
                return false;
            }
            items.put(personId + "#" + year, new Stored(orgId, new Figures().addAll(figures), version + 1));
            return true;
        }

        @Override
        public List<Integer> years(String personId) {
            return items.keySet().stream().filter(k -> k.startsWith(personId + "#"))
                    .map(k -> Integer.parseInt(k.substring(k.indexOf('#') + 1))).toList();
        }

        @Override
        public boolean markMoved(String personId, String transferId, Instant at) {
            return moves.putIfAbsent(personId + "#" + transferId, true) == null;
        }
    }

    private StatsJobTest.MemoryStore store;
    private LiveCounters live;
    private Records records;
    private MemoryContributions contributions;
    private Map<String, String> certificates;
    private Map<String, Members.Member> members;
    private PersonYearCounter counter;

    @BeforeEach
    void setUp() {
        store = new StatsJobTest.MemoryStore();
        var orgs = new cn.hbce.testing.fakes.InMemoryOrgRepository(new cn.hbce.testing.fakes.FakeTable(new cn.hbce.testing.fakes.TestClock()));
        orgs.create(org("root", null, OrgType.HRSS));
        orgs.create(org("dept", "root", OrgType.DEPARTMENT));
        orgs.create(org("unit", "dept", OrgType.UNIT));
        orgs.create(org("dept2", "root", OrgType.DEPARTMENT));
        orgs.create(org("unit2", "dept2", OrgType.UNIT));
        live = new LiveCounters(store, orgs, CLOCK);
        records = new Records();
        contributions = new MemoryContributions();
        certificates = new HashMap<>();
        members = new HashMap<>();
        members.put("p1", new Members.Member("unit", "会计", "中级"));
        counter = new PersonYearCounter(contributions, records, StatsJobTest.RULES,
                (personId, year) -> Optional.ofNullable(certificates.get(personId + "#" + year)),
                personId -> Optional.ofNullable(members.get(personId)), live, CLOCK);
    }

    @Test
    void anApprovalCountsRecordsHoursComplianceAndTheCertificateOnTheOrgAndEveryAncestorOnce() {
        records.add("h1", "p1", 2026, Category.PUBLIC, 30, RecordStatus.APPROVED);
        records.add("h2", "p1", 2026, Category.PROFESSIONAL, 60.5, RecordStatus.APPROVED);
        records.add("h3", "p1", 2026, Category.PROFESSIONAL, 8, RecordStatus.PENDING);
        certificates.put("p1#2026", "VALID");

        counter.approvedHoursChanged("p1", 2026, META);
        counter.approvedHoursChanged("p1", 2026, META);
        contributions.loseNext = 1;
        counter.approvedHoursChanged("p1", 2026, META);

        for (String org : List.of("unit", "dept", "root")) {
            Figures f = store.year(org, 2026);
            assertEquals(2, f.get(Figures.APPROVED_RECORDS), org + ": approved records only, counted once");
            assertEquals(300, f.get(Figures.PUBLIC_TENTHS), org);
            assertEquals(605, f.get(Figures.PROFESSIONAL_TENTHS), org);
            assertEquals(1, f.get(Figures.MET), org);
            assertEquals(1, f.get(Figures.CERTIFICATES_VALID), org);
        }
        assertEquals(0, store.year("dept2", 2026).get(Figures.APPROVED_RECORDS), "another subtree sees nothing");
    }

    @Test
    void aDeletionThatDropsBelowTheRuleTakesComplianceAwayAndCountsTheRevokedCertificate() {
        records.add("h1", "p1", 2026, Category.PUBLIC, 30, RecordStatus.APPROVED);
        records.add("h2", "p1", 2026, Category.PROFESSIONAL, 60, RecordStatus.APPROVED);
        certificates.put("p1#2026", "VALID");
        counter.approvedHoursChanged("p1", 2026, META);

        records.add("h2", "p1", 2026, Category.PROFESSIONAL, 60, RecordStatus.DELETED);
        certificates.put("p1#2026", "REVOKED");
        counter.approvedHoursChanged("p1", 2026, META);
        counter.approvedHoursChanged("p1", 2026, META);

        Figures root = store.year("root", 2026);
        assertEquals(1, root.get(Figures.APPROVED_RECORDS));
        assertEquals(300, root.get(Figures.PUBLIC_TENTHS));
        assertEquals(0, root.get(Figures.PROFESSIONAL_TENTHS), "deleted hours count nowhere");
        assertEquals(0, root.get(Figures.MET), "30 of 90 hours: no longer met");
        assertEquals(0, root.get(Figures.CERTIFICATES_VALID));
        assertEquals(1, root.get(Figures.CERTIFICATES_REVOKED));

        records.add("h4", "p1", 2026, Category.PROFESSIONAL, 60, RecordStatus.APPROVED);
        certificates.put("p1#2026", "VALID");
        counter.approvedHoursChanged("p1", 2026, META);
        assertEquals(1, store.year("unit", 2026).get(Figures.MET), "met again when hours come back");
        assertEquals(1, store.year("unit", 2026).get(Figures.CERTIFICATES_VALID));
        assertEquals(0, store.year("unit", 2026).get(Figures.CERTIFICATES_REVOKED), "re-validated: one certificate per year");
    }

    @Test
    void aTransferMovesThePersonAndEveryYearToTheNewSubtreeOnceHoweverOftenTheStepRuns() {
        live.personRegistered("unit", "会计", "中级");
        live.registrationDecided("unit", "会计", "中级", true);
        records.add("h1", "p1", 2025, Category.PUBLIC, 30, RecordStatus.APPROVED);
        records.add("h2", "p1", 2025, Category.PROFESSIONAL, 60, RecordStatus.APPROVED);
        records.add("h3", "p1", 2026, Category.PUBLIC, 12, RecordStatus.APPROVED);
        counter.approvedHoursChanged("p1", 2025, META);
        counter.approvedHoursChanged("p1", 2026, META);

        members.put("p1", new Members.Member("unit2", "会计", "中级"));
        StatisticsMover mover = new StatisticsMover(contributions, personId -> Optional.ofNullable(members.get(personId)),
                live, counter, CLOCK);
        mover.moveContribution("p1", "unit", "unit2", "tr_1");
        mover.moveContribution("p1", "unit", "unit2", "tr_1");

        for (String org : List.of("unit", "dept")) {
            assertEquals(0, store.live.get(org).get(Figures.APPROVED), org + ": the person left");
            assertEquals(0, store.live.get(org).get(Figures.REGISTERED), org);
            assertEquals(0, store.year(org, 2025).get(Figures.MET), org + ": and took 2025 with them");
            assertEquals(0, store.year(org, 2026).get(Figures.PUBLIC_TENTHS), org);
        }
        for (String org : List.of("unit2", "dept2")) {
            assertEquals(1, store.live.get(org).get(Figures.APPROVED), org + ": moved in once");
            assertEquals(1, store.live.get(org).get(Figures.title("会计", "中级")), org);
            assertEquals(1, store.year(org, 2025).get(Figures.MET), org);
            assertEquals(900, store.year(org, 2025).get(Figures.PROFESSIONAL_TENTHS) + store.year(org, 2025).get(Figures.PUBLIC_TENTHS), org);
            assertEquals(120, store.year(org, 2026).get(Figures.PUBLIC_TENTHS), org);
        }
        assertEquals(1, store.live.get("root").get(Figures.APPROVED), "the common ancestor keeps the person");
        assertEquals(1, store.year("root", 2025).get(Figures.MET));
        assertEquals(2, store.year("root", 2025).get(Figures.APPROVED_RECORDS));
    }

    @Test
    void someoneWhoIsNotAnApprovedMemberCountsNowhereAndLeavingTakesTheirFiguresAway() {
        records.add("h1", "p9", 2026, Category.PUBLIC, 30, RecordStatus.APPROVED);
        counter.approvedHoursChanged("p9", 2026, META);
        assertTrue(store.years.isEmpty(), "no member, no figures");

        records.add("h2", "p1", 2026, Category.PUBLIC, 30, RecordStatus.APPROVED);
        counter.approvedHoursChanged("p1", 2026, META);
        assertEquals(300, store.year("root", 2026).get(Figures.PUBLIC_TENTHS));
        members.remove("p1");
        counter.approvedHoursChanged("p1", 2026, META);
        assertEquals(0, store.year("root", 2026).get(Figures.PUBLIC_TENTHS), "what they added is taken back");
    }

    private static cn.hbce.org.Org org(String id, String parent, OrgType type) {
        return new cn.hbce.org.Org(id, type, id, "91420100MA4K000000", parent, cn.hbce.org.OrgStatus.APPROVED, null, null, null,
                1, CLOCK.instant(), CLOCK.instant());
    }
}
