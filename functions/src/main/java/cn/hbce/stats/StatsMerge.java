package cn.hbce.stats;

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
 * year's snapshot and replaces its live counters and to-do counts with the exact figures. Every
 * write is a replacement, so a rerun gives the same items.
 */
public final class StatsMerge {
    private static final int MAX_DEPTH = 16;
    private final JobParts parts;
    private final StatsStore store;
    private final Clock clock;

    public StatsMerge(JobParts parts, StatsStore store, Clock clock) {
        this.parts = parts;
        this.store = store;
        this.clock = clock;
    }

    public record Result(String job, int year, int orgs, long persons) {
    }

    public Result run(String job, int year) {
        Map<String, JobPart.OrgNode> orgs = new HashMap<>();
        Map<String, Figures> own = new HashMap<>();
        Map<String, Map<String, Long>> todo = new HashMap<>();
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
            persons += part.persons();
        }
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
        Instant at = clock.instant();
        for (var e : orgs.entrySet()) {
            String orgId = e.getKey();
            OrgType type = OrgType.parse(e.getValue().type()).orElse(OrgType.UNIT);
            Figures exact = subtree.getOrDefault(orgId, new Figures());
            store.overwrite(new StatsStore.OrgRef(orgId, type), StatsStore.LIVE, exact, at);
            store.overwriteTodo(orgId, todo.getOrDefault(orgId, Map.of()), at);
            store.writeSnapshot(orgId, year, exact, at);
        }
        parts.delete(job);
        return new Result(job, year, orgs.size(), persons);
    }
}
