package cn.hbce.stats;

import cn.hbce.counters.StatsEvents;
import cn.hbce.counters.TodoCounts;

import cn.hbce.common.log.JsonLog;
import cn.hbce.org.Org;
import cn.hbce.org.OrgRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bumps the live counters: the org and every ancestor (walking {@code parentOrgId} up, a few
 * GetItems), each with one atomic ADD. A failure is logged and swallowed: the change the caller made
 * already happened, and the statistics job repairs the counter; the caller's answer must not fail
 * over a figure.
 */
public final class LiveCounters implements StatsEvents, TodoCounts {
    /** Deeper than any real tree; a longer chain means a broken tree and stops the walk. */
    private static final int MAX_DEPTH = 16;
    private final StatsStore store;
    private final OrgRepository orgs;
    private final Clock clock;

    public LiveCounters(StatsStore store, OrgRepository orgs, Clock clock) {
        this.store = store;
        this.orgs = orgs;
        this.clock = clock;
    }

    /** The org and its ancestors, nearest first. */
    List<StatsStore.OrgRef> chain(String orgId) {
        List<StatsStore.OrgRef> chain = new ArrayList<>();
        Optional<Org> current = orgId == null ? Optional.empty() : orgs.get(orgId);
        while (current.isPresent() && chain.size() < MAX_DEPTH) {
            Org org = current.get();
            chain.add(new StatsStore.OrgRef(org.orgId(), org.type()));
            current = org.parentOrgId() == null ? Optional.empty() : orgs.get(org.parentOrgId());
        }
        return chain;
    }

    private void bump(String orgId, String scope, Figures deltas) {
        try {
            for (StatsStore.OrgRef org : chain(orgId)) {
                store.add(org, scope, deltas, clock.instant());
            }
        } catch (RuntimeException e) {
            JsonLog.warn("stats.counter.bump_failed", "orgId", String.valueOf(orgId), "scope", scope,
                    "error", e.getClass().getSimpleName());
        }
    }

    @Override
    public void personRegistered(String orgId, String titleSeries, String titleLevel) {
        bump(orgId, StatsStore.LIVE, new Figures().add(Figures.REGISTERED, 1));
    }

    @Override
    public void registrationDecided(String orgId, String titleSeries, String titleLevel, boolean approved) {
        Figures f = approved
                ? new Figures().add(Figures.APPROVED, 1).add(Figures.title(titleSeries, titleLevel), 1)
                : new Figures().add(Figures.REGISTERED, -1);
        bump(orgId, StatsStore.LIVE, f);
    }

    @Override
    public void personMoved(String fromOrgId, String toOrgId, String titleSeries, String titleLevel) {
        Figures one = new Figures().add(Figures.REGISTERED, 1).add(Figures.APPROVED, 1)
                .add(Figures.title(titleSeries, titleLevel), 1);
        bump(fromOrgId, StatsStore.LIVE, one.negated());
        bump(toOrgId, StatsStore.LIVE, one);
    }

    @Override
    public void titleChanged(String orgId, String fromSeries, String fromLevel, String toSeries, String toLevel) {
        bump(orgId, StatsStore.LIVE, new Figures().add(Figures.title(fromSeries, fromLevel), -1)
                .add(Figures.title(toSeries, toLevel), 1));
    }

    @Override
    public void hoursClaimSubmitted(String orgId, int year) {
        bump(orgId, StatsStore.year(year), new Figures().add(Figures.PENDING_CLAIMS, 1));
    }

    @Override
    public void hoursClaimClosed(String orgId, int year) {
        bump(orgId, StatsStore.year(year), new Figures().add(Figures.PENDING_CLAIMS, -1));
    }

    /** Adds a person-year's change of contribution (see {@link PersonYearCounter}) to the org and its ancestors. */
    void addToYear(String orgId, int year, Figures deltas) {
        bump(orgId, StatsStore.year(year), deltas);
    }

    @Override
    public void opened(String orgId, String kind) {
        todo(orgId, kind, 1);
    }

    @Override
    public void closed(String orgId, String kind) {
        todo(orgId, kind, -1);
    }

    private void todo(String orgId, String kind, long delta) {
        try {
            store.addTodo(orgId, kind, delta, clock.instant());
        } catch (RuntimeException e) {
            JsonLog.warn("stats.todo.bump_failed", "orgId", orgId, "kind", kind, "error", e.getClass().getSimpleName());
        }
    }

    @Override
    public Snapshot read(String orgId) {
        return store.todo(orgId, clock.instant());
    }
}
