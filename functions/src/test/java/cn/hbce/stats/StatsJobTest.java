package cn.hbce.stats;

import cn.hbce.counters.TodoCounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.org.OrgType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The job's counting without AWS: a segment that runs out of time stops and resumes where it
 * stopped; the merge adds each org's figures to every ancestor, replaces counters and to-do counts,
 * and a rerun gives the same items.
 */
class StatsJobTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T04:00:00Z"), ZoneOffset.UTC);
    /** 公需 30, 专业 60, total 90 every year. */
    static final cn.hbce.hours.CeRulesReader RULES = year -> new cn.hbce.hours.YearRequirement(30, 60, 90);

    /** Rows served a page of two at a time; every page costs 100 s of the Lambda's remaining time. */
    private static final class PagedRows implements TableScanner {
        final List<Row> rows;
        final AtomicLong remaining;

        PagedRows(List<Row> rows, AtomicLong remaining) {
            this.rows = rows;
            this.remaining = remaining;
        }

        @Override
        public Page page(int segment, int totalSegments, int year, Map<String, String> start) {
            int from = start == null ? 0 : Integer.parseInt(start.get("at"));
            int to = Math.min(rows.size(), from + 2);
            remaining.addAndGet(-100_000);
            return new Page(rows.subList(from, to), to < rows.size() ? Map.of("at", String.valueOf(to)) : null);
        }
    }

    static final class MemoryParts implements JobParts {
        final Map<String, JobPart> parts = new TreeMap<>();

        @Override
        public void put(String job, int segment, int chunk, JobPart part) {
            parts.put(job + "/" + segment + "-" + chunk, part);
        }

        @Override
        public List<JobPart> all(String job) {
            List<JobPart> out = new ArrayList<>();
            parts.forEach((k, v) -> {
                if (k.startsWith(job + "/")) {
                    out.add(v);
                }
            });
            return out;
        }

        @Override
        public void delete(String job) {
            parts.keySet().removeIf(k -> k.startsWith(job + "/"));
        }
    }

    /** Only what the merge writes; {@code years} holds the other scopes by {@code orgId|scope}. */
    static final class MemoryStore implements StatsStore {
        final Map<String, Figures> live = new HashMap<>();
        final Map<String, Figures> years = new HashMap<>();
        final Map<String, Map<String, Long>> todo = new HashMap<>();
        final Map<String, Figures> snapshots = new HashMap<>();

        @Override
        public void add(OrgRef org, String scope, Figures deltas, Instant at) {
            of(scope).computeIfAbsent(key(org.orgId(), scope), k -> new Figures()).addAll(deltas);
        }

        @Override
        public Map<String, Figures> read(List<OrgRef> orgs, String scope) {
            Map<String, Figures> out = new HashMap<>();
            orgs.forEach(o -> out.put(o.orgId(), new Figures().addAll(of(scope).getOrDefault(key(o.orgId(), scope), new Figures()))));
            return out;
        }

        @Override
        public void overwrite(OrgRef org, String scope, Figures exact, Instant at) {
            of(scope).put(key(org.orgId(), scope), new Figures().addAll(exact));
        }

        private Map<String, Figures> of(String scope) {
            return LIVE.equals(scope) ? live : years;
        }

        private static String key(String orgId, String scope) {
            return LIVE.equals(scope) ? orgId : orgId + "|" + scope;
        }

        /** An org's year counter as a read would sum it. */
        Figures year(String orgId, int year) {
            return years.getOrDefault(key(orgId, StatsStore.year(year)), new Figures());
        }

        @Override
        public java.util.Optional<Instant> checkedAt(String orgId) {
            return java.util.Optional.empty();
        }

        @Override
        public void writeSnapshot(String orgId, int year, Figures figures, Instant at) {
            snapshots.put(orgId + "#" + year, figures);
        }

        @Override
        public java.util.Optional<Snapshot> snapshot(String orgId, int year) {
            return java.util.Optional.ofNullable(snapshots.get(orgId + "#" + year)).map(f -> new Snapshot(f, CLOCK.instant()));
        }

        @Override
        public void addTodo(String orgId, String kind, long delta, Instant at) {
            todo.computeIfAbsent(orgId, k -> new HashMap<>()).merge(kind, delta, Long::sum);
        }

        @Override
        public TodoCounts.Snapshot todo(String orgId, Instant now) {
            return new TodoCounts.Snapshot(todo.getOrDefault(orgId, Map.of()), null, now);
        }

        @Override
        public void overwriteTodo(String orgId, Map<String, Long> byKind, Instant at) {
            todo.put(orgId, new HashMap<>(byKind));
        }

        @Override
        public List<Child> children(String orgId) {
            return List.of();
        }
    }

    private static List<TableScanner.Row> province() {
        return List.of(
                new TableScanner.OrgRow("root", null, "HRSS", "人社厅"),
                new TableScanner.OrgRow("dept", "root", "DEPARTMENT", "卫健委"),
                new TableScanner.OrgRow("unit", "dept", "UNIT", "医院"),
                new TableScanner.OrgRow("other", "root", "DEPARTMENT", "教育厅"),
                new TableScanner.PersonRow("p1", "unit", "APPROVED", "卫生技术人员", "中级"),
                new TableScanner.PersonRow("p2", "unit", "APPROVED", "卫生技术人员", "中级"),
                new TableScanner.PersonRow("p3", "unit", "PENDING", "卫生技术人员", "副高级"),
                new TableScanner.PersonRow("p4", "unit", "REJECTED", "卫生技术人员", "副高级"),
                new TableScanner.PersonRow("p5", "dept", "APPROVED", "会计", "正高级"),
                new TableScanner.PersonRow("p6", "other", "APPROVED", "中小学教师", "中级"),
                new TableScanner.PersonRow("p7", "gone", "APPROVED", "中小学教师", "中级"),
                new TableScanner.StepRow("dept", "PERSON_REGISTRATION"),
                new TableScanner.StepRow("dept", "PERSON_REGISTRATION"),
                new TableScanner.StepRow("root", "DEPARTMENT_REGISTRATION"));
    }

    /** Runs one segment as the state machine does: call again with the answer until done. */
    private static int scanToTheEnd(SegmentScan scan, AtomicLong remaining) {
        SegmentScan.Output out = null;
        int calls = 0;
        do {
            remaining.set(350_000);
            SegmentScan.Input in = out == null ? new SegmentScan.Input("run1", 2026, 0, 1, 0, null)
                    : new SegmentScan.Input("run1", 2026, 0, 1, out.chunk(), out.next());
            out = scan.run(in, remaining::get);
            calls++;
        } while (!out.done());
        return calls;
    }

    @Test
    void aSegmentThatRunsOutOfTimeResumesWhereItStoppedAndCountsEveryRowOnce() {
        AtomicLong remaining = new AtomicLong();
        MemoryParts parts = new MemoryParts();
        SegmentScan scan = new SegmentScan(new PagedRows(province(), remaining), parts);
        int calls = scanToTheEnd(scan, remaining);
        assertTrue(calls > 1, "14 rows at 2 a page and 3 pages a call take several calls: " + calls);
        assertEquals(calls, parts.parts.size(), "one part per call");
        long approved = parts.all("run1").stream().mapToLong(JobPart::persons).sum();
        assertEquals(5, approved, "every approved professional counted exactly once across the calls");
    }

    @Test
    void theMergeAddsFiguresUpTheTreeAndReplacesCountersAndToDo() {
        AtomicLong remaining = new AtomicLong();
        MemoryParts parts = new MemoryParts();
        MemoryStore store = new MemoryStore();
        store.live.put("unit", new Figures().add(Figures.APPROVED, 999));
        store.todo.put("dept", new HashMap<>(Map.of("PERSON_REGISTRATION", 42L, "ORG_CHANGE", 3L)));
        scanToTheEnd(new SegmentScan(new PagedRows(province(), remaining), parts), remaining);

        StatsMerge.Result result = new StatsMerge(parts, store, CLOCK, RULES).run("run1", 2026);

        assertEquals(4, result.orgs());
        assertEquals(5, result.persons(), "includes the person whose org is gone: counted in no org's figures");
        assertEquals(2, store.live.get("unit").get(Figures.APPROVED), "the corrupted 999 is replaced");
        assertEquals(3, store.live.get("unit").get(Figures.REGISTERED), "approved and pending; not the rejected");
        assertEquals(3, store.live.get("dept").get(Figures.APPROVED), "unit 2 + own 1");
        assertEquals(4, store.live.get("root").get(Figures.APPROVED), "the whole province, without the orphan");
        assertEquals(2, store.live.get("root").get(Figures.title("卫生技术人员", "中级")));
        assertEquals(1, store.live.get("other").get(Figures.APPROVED));
        assertEquals(Map.of("PERSON_REGISTRATION", 2L), store.todo.get("dept"), "to-do replaced, stale kinds gone");
        assertEquals(Map.of("DEPARTMENT_REGISTRATION", 1L), store.todo.get("root"));
        assertEquals(3, store.snapshots.get("dept#2026").get(Figures.APPROVED));
        assertTrue(parts.parts.isEmpty(), "the run's parts are removed");

        Map<String, Map<String, Long>> first = copy(store);
        scanToTheEnd(new SegmentScan(new PagedRows(province(), remaining), parts), remaining);
        new StatsMerge(parts, store, CLOCK, RULES).run("run1", 2026);
        assertEquals(first, copy(store), "a rerun writes the same figures");
        assertThrows(IllegalStateException.class, () -> new StatsMerge(parts, store, CLOCK, RULES).run("run1", 2026),
                "a merge without parts never zeroes the counters");
    }

    /** The province with the year's hours records and certificates (p1, p2 at the unit, p5 at the dept). */
    private static List<TableScanner.Row> provinceWithHours() {
        List<TableScanner.Row> rows = new ArrayList<>(province());
        rows.addAll(List.of(
                new TableScanner.HoursRow("p1", "PUBLIC", 30, "APPROVED"),
                new TableScanner.HoursRow("p1", "PROFESSIONAL", 60.5, "APPROVED"),
                new TableScanner.CertificateRow("p1", "VALID"),
                new TableScanner.HoursRow("p2", "PUBLIC", 10, "APPROVED"),
                new TableScanner.HoursRow("p2", "PUBLIC", 5, "PENDING"),
                new TableScanner.HoursRow("p2", "PROFESSIONAL", 40, "REJECTED"),
                new TableScanner.HoursRow("p2", "PROFESSIONAL", 60, "DELETED"),
                new TableScanner.HoursRow("p3", "PUBLIC", 30, "APPROVED"),
                new TableScanner.HoursRow("p5", "PUBLIC", 30, "APPROVED"),
                new TableScanner.CertificateRow("p5", "REVOKED"),
                new TableScanner.CertificateRow("p6", "ISSUING"),
                new TableScanner.HoursRow("p7", "PROFESSIONAL", 90, "APPROVED")));
        return rows;
    }

    @Test
    void theMergeCountsTheYearOfApprovedMembersAtTheirOrgAndReplacesTheYearCounters() {
        AtomicLong remaining = new AtomicLong();
        MemoryParts parts = new MemoryParts();
        MemoryStore store = new MemoryStore();
        store.years.put("unit|Y#2026", new Figures().add(Figures.MET, 7).add(Figures.PUBLIC_TENTHS, 1));
        scanToTheEnd(new SegmentScan(new PagedRows(provinceWithHours(), remaining), parts), remaining);

        new StatsMerge(parts, store, CLOCK, RULES).run("run1", 2026);

        Figures unit = store.year("unit", 2026);
        assertEquals(3, unit.get(Figures.APPROVED_RECORDS), "approved records only: not pending, rejected or deleted");
        assertEquals(400, unit.get(Figures.PUBLIC_TENTHS), "30 + 10 hours");
        assertEquals(605, unit.get(Figures.PROFESSIONAL_TENTHS), "60.5 hours, kept exact in tenths");
        assertEquals(1, unit.get(Figures.MET), "p1 meets 30/60/90; the corrupted 7 is replaced");
        assertEquals(1, unit.get(Figures.PENDING_CLAIMS));
        assertEquals(1, unit.get(Figures.CERTIFICATES_VALID));
        Figures dept = store.year("dept", 2026);
        assertEquals(4, dept.get(Figures.APPROVED_RECORDS), "the unit's 3 and the dept's own member's 1");
        assertEquals(700, dept.get(Figures.PUBLIC_TENTHS));
        assertEquals(1, dept.get(Figures.CERTIFICATES_REVOKED));
        assertEquals(1, dept.get(Figures.MET));
        Figures root = store.year("root", 2026);
        assertEquals(4, root.get(Figures.APPROVED_RECORDS), "a pending registrant's and an orphan's hours count nowhere");
        assertEquals(1, root.get(Figures.CERTIFICATES_VALID), "an ISSUING certificate is not counted yet");
        assertEquals(0, store.year("other", 2026).get(Figures.APPROVED_RECORDS));
        assertEquals(4, store.snapshots.get("root#2026").get(Figures.APPROVED_RECORDS), "the snapshot holds the year too");
        assertEquals(4, store.snapshots.get("root#2026").get(Figures.APPROVED));

        Map<String, Map<String, Long>> first = copy(store);
        scanToTheEnd(new SegmentScan(new PagedRows(provinceWithHours(), remaining), parts), remaining);
        new StatsMerge(parts, store, CLOCK, RULES).run("run1", 2026);
        assertEquals(first, copy(store), "a rerun writes the same figures");
    }

    @Test
    void liveBumpsReachTheOrgAndEveryAncestor() {
        MemoryStore store = new MemoryStore();
        var orgs = new cn.hbce.testing.fakes.InMemoryOrgRepository(new cn.hbce.testing.fakes.FakeTable(new cn.hbce.testing.fakes.TestClock()));
        orgs.create(org("root", null, OrgType.HRSS));
        orgs.create(org("dept", "root", OrgType.DEPARTMENT));
        orgs.create(org("unit", "dept", OrgType.UNIT));
        LiveCounters live = new LiveCounters(store, orgs, CLOCK);
        live.personRegistered("unit", "会计", "中级");
        live.registrationDecided("unit", "会计", "中级", true);
        live.personRegistered("unit", "会计", "中级");
        live.registrationDecided("unit", "会计", "中级", false);
        for (String org : List.of("unit", "dept", "root")) {
            assertEquals(1, store.live.get(org).get(Figures.REGISTERED), org);
            assertEquals(1, store.live.get(org).get(Figures.APPROVED), org);
            assertEquals(1, store.live.get(org).get(Figures.title("会计", "中级")), org);
        }
        live.opened("dept", "PERSON_REGISTRATION");
        live.opened("dept", "PERSON_REGISTRATION");
        live.closed("dept", "PERSON_REGISTRATION");
        assertEquals(Map.of("PERSON_REGISTRATION", 1L), live.read("dept").byKind());
        assertFalse(store.todo.containsKey("root"), "to-do counts belong to the deciding org only");
    }

    private static cn.hbce.org.Org org(String id, String parent, OrgType type) {
        return new cn.hbce.org.Org(id, type, id, "91420100MA4K000000", parent, cn.hbce.org.OrgStatus.APPROVED, null, null, null,
                1, CLOCK.instant(), CLOCK.instant());
    }

    private static Map<String, Map<String, Long>> copy(MemoryStore store) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        store.live.forEach((k, v) -> out.put("live:" + k, new TreeMap<>(v.asMap())));
        store.years.forEach((k, v) -> out.put("year:" + k, new TreeMap<>(v.asMap())));
        store.todo.forEach((k, v) -> out.put("todo:" + k, new TreeMap<>(v)));
        store.snapshots.forEach((k, v) -> out.put("snap:" + k, new TreeMap<>(v.asMap())));
        return out;
    }
}
