package cn.hbce.stats;

import cn.hbce.counters.TodoCounts;

import cn.hbce.org.OrgType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counter, to-do and snapshot items of the statistics (see docs/data-model.md "Statistics"). A
 * counter of one org is spread over {@link #shards(OrgType)} items; a bump touches one of them at
 * random, a read sums all of them.
 */
public interface StatsStore {
    /** The live counters of persons (stock figures: who is registered now). */
    String LIVE = "LIVE";

    /** The counters of one year (hours, compliance, certificates). */
    static String year(int year) {
        return "Y#" + year;
    }

    /**
     * Shards per org type. Every event bumps the root, and every event below a department bumps it:
     * one DynamoDB partition takes about 1,000 write units a second and a counter item with a full
     * title table weighs about 3 KB (3 units per update), so one root item would cap the province at
     * about 330 events a second. 16 root shards lift that to about 5,000 (bursts of registrations
     * at the start of a year); departments see a fraction of the province's traffic, 4 do; units 1.
     */
    static int shards(OrgType type) {
        return switch (type) {
            case HRSS -> 16;
            case DEPARTMENT -> 4;
            default -> 1;
        };
    }

    record OrgRef(String orgId, OrgType type) {
    }

    void add(OrgRef org, String scope, Figures deltas, Instant at);

    /** Sums the shards of each org's counter item {@code scope}; orgs without items have empty figures. */
    Map<String, Figures> read(List<OrgRef> orgs, String scope);

    /** Replaces the counter with exact figures: shard 0 holds them, the other shards are removed. */
    void overwrite(OrgRef org, String scope, Figures exact, Instant at);

    /** When the job last made this org's live counters exact. */
    Optional<Instant> checkedAt(String orgId);

    void writeSnapshot(String orgId, int year, Figures figures, Instant at);

    record Snapshot(Figures figures, Instant computedAt) {
    }

    Optional<Snapshot> snapshot(String orgId, int year);

    void addTodo(String orgId, String kind, long delta, Instant at);

    TodoCounts.Snapshot todo(String orgId, Instant now);

    void overwriteTodo(String orgId, Map<String, Long> byKind, Instant at);

    record Child(String orgId, String name, OrgType type) {
    }

    /** Direct children of an org (GSI1 {@code CHILD#orgId}). */
    List<Child> children(String orgId);
}
