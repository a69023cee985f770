package cn.hbce.stats;

import cn.hbce.hours.CeRulesReader;
import cn.hbce.hours.YearRequirement;
import cn.hbce.org.OrgType;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last step of the statistics job: merges the segments' parts, adds every org's own figures to
 * it and each ancestor (the tree is in the parts, walked in memory), then for every org writes the
 * year's snapshot and replaces its live counters, its year counter and its to-do counts with the
 * exact figures. The year's figures are each approved member's records, hours, met and certificate
 * ({@link PersonYearFigures}, the same rule the live recount uses), placed at the org the person
 * belongs to now; pending claims are counted there too. Every write is a replacement, so a rerun
 * gives the same items.
 */
public final class StatsMerge {
    private static final int MAX_DEPTH = 16;
    private final JobParts parts;
    private final StatsStore store;
    private final Clock clock;
    private final CeRulesReader rules;

    public StatsMerge(JobParts parts, StatsStore store, Clock clock, CeRulesReader rules) {
        this.parts = parts;
        this.store = store;
        this.clock = clock;
        this.rules = rules;
    }

    public record Result(String job, int year, int orgs, long persons) {
    }

    public Result run(String job, int year) {
        Map<String, JobPart.OrgNode> orgs = new HashMap<>();
        Map<String, Figures> own = new HashMap<>();
        Map<String, Map<String, Long>> todo = new HashMap<>();
        Map<String, String> members = new HashMap<>();
        Map<String, Figures> personYears = new HashMap<>();
        long persons = 0;
        List<JobPart> found = parts.all(job);
        if (found.isEmpty()) {
            // Never "correct" counters from nothing (a repeated merge after its parts were removed).
            throw new IllegalStateException("No parts for job " + job);
        }
        for (JobPart part : found) {
            orgs.putAll(part.orgs());
            part.own().forEach((org, counts) -> own.computeIfAbsent(org, k -> new Figures()).addAll(Figures.of(counts)));
            part.todo().forEach((org, counts) -> counts.forEach((kind, n) ->
                    todo.computeIfAbsent(org, k -> new HashMap<>()).merge(kind, n, Long::sum)));
            members.putAll(part.members());
            part.personYears().forEach((p, counts) -> personYears.computeIfAbsent(p, k -> new Figures()).addAll(Figures.of(counts)));
            persons += part.persons();
        }
        Map<String, Figures> ownYear = yearFigures(members, personYears, rules.requirementFor(year));
        Map<String, Figures> subtree = upTheTree(own, orgs);
        Map<String, Figures> subtreeYear = upTheTree(ownYear, orgs);
        Instant at = clock.instant();
        for (var e : orgs.entrySet()) {
            String orgId = e.getKey();
            OrgType type = OrgType.parse(e.getValue().type()).orElse(OrgType.UNIT);
            Figures exact = subtree.getOrDefault(orgId, new Figures());
            Figures exactYear = subtreeYear.getOrDefault(orgId, new Figures());
            StatsStore.OrgRef ref = new StatsStore.OrgRef(orgId, type);
            store.overwrite(ref, StatsStore.LIVE, exact, at);
            store.overwrite(ref, StatsStore.year(year), exactYear, at);
            store.overwriteTodo(orgId, todo.getOrDefault(orgId, Map.of()), at);
            store.writeSnapshot(orgId, year, new Figures().addAll(exact).addAll(exactYear), at);
        }
        parts.delete(job);
        return new Result(job, year, orgs.size(), persons);
    }

    /** Each approved member's year at their org; records of persons who are not (or no longer) members count nowhere. */
    static Map<String, Figures> yearFigures(Map<String, String> members, Map<String, Figures> personYears,
                                            YearRequirement requirement) {
        Map<String, Figures> out = new HashMap<>();
        personYears.forEach((personId, counts) -> {
            String orgId = members.get(personId);
            if (orgId == null) {
                return;
            }
            Figures f = PersonYearFigures.of(counts.get(Figures.APPROVED_RECORDS), counts.get(Figures.PUBLIC_TENTHS),
                    counts.get(Figures.PROFESSIONAL_TENTHS), counts.get(Figures.CERTIFICATES_VALID) > 0 ? "VALID"
                            : counts.get(Figures.CERTIFICATES_REVOKED) > 0 ? "REVOKED" : null, requirement);
            f.add(Figures.PENDING_CLAIMS, counts.get(Figures.PENDING_CLAIMS));
            out.computeIfAbsent(orgId, k -> new Figures()).addAll(f);
        });
        return out;
    }

    /** Adds every org's own figures to it and each ancestor. */
    private static Map<String, Figures> upTheTree(Map<String, Figures> own, Map<String, JobPart.OrgNode> orgs) {
        Map<String, Figures> subtree = new HashMap<>();
        own.forEach((orgId, figures) -> {
            Set<String> seen = new HashSet<>();
            String current = orgId;
            // Persons of an org that no longer exists are counted nowhere (as the live counters would).
            while (current != null && orgs.containsKey(current) && seen.add(current) && seen.size() <= MAX_DEPTH) {
                subtree.computeIfAbsent(current, k -> new Figures()).addAll(figures);
                current = orgs.get(current).parentOrgId();
            }
        });
        return subtree;
    }
}
