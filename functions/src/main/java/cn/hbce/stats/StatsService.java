package cn.hbce.stats;

import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.domain.NotFound;
import cn.hbce.org.Org;
import cn.hbce.org.OrgRepository;
import cn.hbce.org.OrgTree;
import cn.hbce.org.OrgType;
import cn.hbce.registration.TitleSeriesCatalogue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 继教综合统计 and 职称系列分布: figures of an org's whole subtree read from counters (a handful of
 * items, never the persons). The current year reads the live counters; a past year reads the
 * snapshot the job wrote for it (the 1 January run freezes the closed year), or the live counters
 * when there is none. An org outside the caller's jurisdiction does not exist (404).
 */
public final class StatsService {
    public static final List<String> LEVELS = List.of("正高级", "副高级", "中级", "助理级", "员级");
    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final int FIRST_YEAR = 2000;
    private final StatsStore store;
    private final OrgRepository orgs;
    private final OrgTree tree;
    private final TitleSeriesCatalogue titles;
    private final Clock clock;

    public StatsService(StatsStore store, OrgRepository orgs, TitleSeriesCatalogue titles, Clock clock) {
        this.store = store;
        this.orgs = orgs;
        this.tree = new OrgTree(orgs);
        this.titles = titles;
        this.clock = clock;
    }

    public int currentYear() {
        return clock.instant().atOffset(CHINA).getYear();
    }

    /** The year asked for (default: this year in China); between 2000 and this year. */
    public int year(Optional<String> value) {
        if (value.isEmpty()) {
            return currentYear();
        }
        try {
            int year = Integer.parseInt(value.get());
            if (year >= FIRST_YEAR && year <= currentYear()) {
                return year;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw Invalid.field("year");
    }

    /** The org asked for (default: the caller's), if it is the caller's org or below it; else 404. */
    public Org scope(Actor caller, Optional<String> orgId) {
        String own = caller.requireOrg();
        String wanted = orgId.filter(s -> !s.isBlank()).orElse(own);
        if (wanted.length() > 64) {
            throw new NotFound();
        }
        Org org = orgs.get(wanted).orElseThrow(NotFound::new);
        if (!wanted.equals(own) && !tree.isWithin(own, org)) {
            throw new NotFound();
        }
        return org;
    }

    /** Figures of some orgs for a year, and since when they are valid. */
    record Read(Map<String, Figures> figures, Instant asOf, Instant checkedAt) {
    }

    Read read(List<StatsStore.OrgRef> refs, int year) {
        if (year < currentYear()) {
            Map<String, Figures> out = new LinkedHashMap<>();
            Instant computed = null;
            boolean all = true;
            for (StatsStore.OrgRef ref : refs) {
                Optional<StatsStore.Snapshot> snap = store.snapshot(ref.orgId(), year);
                if (snap.isEmpty()) {
                    all = false;
                    break;
                }
                out.put(ref.orgId(), snap.get().figures());
                computed = computed == null ? snap.get().computedAt() : computed;
            }
            if (all && !refs.isEmpty()) {
                return new Read(out, computed, computed);
            }
        }
        Map<String, Figures> live = store.read(refs, StatsStore.LIVE);
        Map<String, Figures> ofYear = store.read(refs, StatsStore.year(year));
        live.forEach((orgId, f) -> f.addAll(ofYear.getOrDefault(orgId, new Figures())));
        Instant checked = refs.isEmpty() ? null : store.checkedAt(refs.get(0).orgId()).orElse(null);
        return new Read(live, clock.instant(), checked);
    }

    public Map<String, Object> overview(Actor caller, Optional<String> orgId, Optional<String> yearParam) {
        int year = year(yearParam);
        Org org = scope(caller, orgId);
        List<StatsStore.Child> children = store.children(org.orgId());
        List<StatsStore.OrgRef> refs = new ArrayList<>();
        refs.add(new StatsStore.OrgRef(org.orgId(), org.type()));
        children.forEach(c -> refs.add(new StatsStore.OrgRef(c.orgId(), c.type())));
        Read read = read(refs, year);
        Figures f = read.figures().get(org.orgId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("year", year);
        out.put("orgId", org.orgId());
        out.put("name", org.name());
        out.put("asOf", read.asOf().toString());
        out.put("checkedAt", read.checkedAt() == null ? null : read.checkedAt().toString());
        out.put("persons", ordered("registered", f.get(Figures.REGISTERED), "approved", f.get(Figures.APPROVED)));
        out.put("hours", ordered("pendingClaims", f.get(Figures.PENDING_CLAIMS), "approvedRecords", f.get(Figures.APPROVED_RECORDS),
                "publicHours", hours(f.get(Figures.PUBLIC_TENTHS)), "professionalHours", hours(f.get(Figures.PROFESSIONAL_TENTHS))));
        out.put("compliance", ordered("met", f.get(Figures.MET), "notMet", notMet(f),
                "rate", rate(f.get(Figures.MET), f.get(Figures.APPROVED))));
        out.put("certificates", ordered("valid", f.get(Figures.CERTIFICATES_VALID), "revoked", f.get(Figures.CERTIFICATES_REVOKED)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StatsStore.Child c : children) {
            Figures cf = read.figures().getOrDefault(c.orgId(), new Figures());
            rows.add(ordered("orgId", c.orgId(), "name", c.name(), "type", c.type().name(),
                    "persons", cf.get(Figures.APPROVED), "met", cf.get(Figures.MET),
                    "rate", rate(cf.get(Figures.MET), cf.get(Figures.APPROVED))));
        }
        out.put("children", rows);
        return out;
    }

    public Map<String, Object> titleSeries(Actor caller, Optional<String> orgId, Optional<String> yearParam) {
        int year = year(yearParam);
        Org org = scope(caller, orgId);
        Read read = read(List.of(new StatsStore.OrgRef(org.orgId(), org.type())), year);
        Figures f = read.figures().get(org.orgId());
        Set<String> series = new LinkedHashSet<>();
        titles.all().forEach(s -> series.add(s.name()));
        for (String field : f.asMap().keySet()) {
            String[] title = Figures.titleOf(field);
            if (title != null && LEVELS.contains(title[1]) && f.get(field) != 0) {
                series.add(title[0]);
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        LEVELS.forEach(l -> totals.put(l, 0L));
        long grand = 0;
        for (String s : series) {
            Map<String, Long> counts = new LinkedHashMap<>();
            long total = 0;
            for (String level : LEVELS) {
                long n = f.get(Figures.title(s, level));
                counts.put(level, n);
                totals.merge(level, n, Long::sum);
                total += n;
            }
            grand += total;
            rows.add(ordered("titleSeries", s, "counts", counts, "total", total));
        }
        Map<String, Object> totalsOut = new LinkedHashMap<>(totals);
        totalsOut.put("total", grand);
        List<Map<String, Object>> chartSeries = new ArrayList<>();
        for (String level : LEVELS) {
            List<Long> data = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                @SuppressWarnings("unchecked")
                Map<String, Long> counts = (Map<String, Long>) row.get("counts");
                data.add(counts.get(level));
            }
            chartSeries.add(ordered("name", level, "data", data));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("year", year);
        out.put("orgId", org.orgId());
        out.put("name", org.name());
        out.put("asOf", read.asOf().toString());
        out.put("checkedAt", read.checkedAt() == null ? null : read.checkedAt().toString());
        out.put("levels", LEVELS);
        out.put("rows", rows);
        out.put("totals", totalsOut);
        out.put("chart", ordered("categories", new ArrayList<>(series), "series", chartSeries));
        return out;
    }

    /** Tenths of hours as the hours shown (one decimal). */
    static double hours(long tenths) {
        return tenths / 10.0;
    }

    /**
     * Approved persons of the subtree who do not meet the year: every approved person either meets
     * it or not, so this is approved − met (never below 0 while a counter drifts).
     */
    static long notMet(Figures f) {
        return Math.max(0, f.get(Figures.APPROVED) - f.get(Figures.MET));
    }

    static double rate(long met, long persons) {
        return persons == 0 ? 0.0 : Math.round(met * 10000.0 / persons) / 10000.0;
    }

    static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static StatsStore.OrgRef ref(Org org) {
        return new StatsStore.OrgRef(org.orgId(), org.type() == null ? OrgType.UNIT : org.type());
    }
}
