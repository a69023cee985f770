package cn.hbce.testing.fakes;

import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import cn.hbce.plans.PlanKind;
import cn.hbce.plans.PlanRepository;
import cn.hbce.plans.PlanStatus;
import cn.hbce.plans.TrainingPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PlanRepository} with the conditions of {@code DynamoPlanRepository}: one mark per org, kind
 * and year, freed only by its holder; decisions only from PENDING; lists newest first.
 */
public final class InMemoryPlanRepository implements PlanRepository {
    private final FakeTable t;
    private final Map<String, String> marks = new HashMap<>();
    private final Map<String, TrainingPlan> plans = new HashMap<>();

    public InMemoryPlanRepository(FakeTable table) {
        this.t = table;
    }

    @Override
    public boolean reserveYear(String orgId, PlanKind kind, int year, String planId) {
        synchronized (t.lock) {
            return marks.putIfAbsent(orgId + "#" + kind + "#" + year, planId) == null;
        }
    }

    @Override
    public void releaseYear(String orgId, PlanKind kind, int year, String planId) {
        synchronized (t.lock) {
            marks.remove(orgId + "#" + kind + "#" + year, planId);
        }
    }

    @Override
    public void create(TrainingPlan plan) {
        t.faults.check("PlanRepository.create");
        synchronized (t.lock) {
            if (plans.putIfAbsent(plan.planId(), plan) != null) {
                throw FakeTable.conditionFailed("plan " + plan.planId());
            }
        }
    }

    @Override
    public void delete(String planId) {
        synchronized (t.lock) {
            plans.remove(planId);
        }
    }

    @Override
    public Optional<TrainingPlan> get(String planId) {
        synchronized (t.lock) {
            return Optional.ofNullable(plans.get(planId));
        }
    }

    @Override
    public boolean decide(String planId, PlanStatus status, String comment, Instant at) {
        synchronized (t.lock) {
            TrainingPlan p = plans.get(planId);
            if (p == null || p.status() != PlanStatus.PENDING) {
                return false;
            }
            plans.put(planId, new TrainingPlan(p.planId(), p.orgId(), p.orgName(), p.orgType(), p.kind(), p.year(), p.title(),
                    p.content(), p.files(), p.courses(), status, p.reviewId(), p.reviewOrgId(), p.submittedBy(),
                    p.submittedAt(), at, comment));
            return true;
        }
    }

    @Override
    public Page<TrainingPlan> list(String orgId, PlanFilter filter, PageRequest page) {
        synchronized (t.lock) {
            List<TrainingPlan> mine = new ArrayList<>(plans.values().stream()
                    .filter(p -> p.orgId().equals(orgId))
                    .filter(p -> filter.kind().map(k -> k == p.kind()).orElse(true))
                    .filter(p -> filter.year().map(y -> y == p.year()).orElse(true))
                    .filter(p -> filter.status().map(s -> s == p.status()).orElse(true))
                    .toList());
            mine.sort(Comparator.comparing(TrainingPlan::submittedAt).thenComparing(TrainingPlan::planId).reversed());
            return FakePages.readAhead(mine, p -> p.submittedAt().toEpochMilli() + "#" + p.planId(),
                    "plans:" + orgId + ":" + filter, page.limit(), page.cursor());
        }
    }
}
