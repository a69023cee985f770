package cn.hbce.plans;

import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import java.time.Instant;
import java.util.Optional;

/** Storage of training plans and of the one-pending-per-org-kind-and-year marks. */
public interface PlanRepository {

    /** Takes the mark of (org, kind, year) for {@code planId}; false when another plan holds it. */
    boolean reserveYear(String orgId, PlanKind kind, int year, String planId);

    /** Frees the mark if {@code planId} holds it. */
    void releaseYear(String orgId, PlanKind kind, int year, String planId);

    void create(TrainingPlan plan);

    /** Removes a plan whose review could not be submitted. */
    void delete(String planId);

    Optional<TrainingPlan> get(String planId);

    /** PENDING → {@code status}; false when decided before (a retried effect). */
    boolean decide(String planId, PlanStatus status, String comment, Instant at);

    /** The org's plans, newest first, narrowed by the filters given. */
    Page<TrainingPlan> list(String orgId, PlanFilter filter, PageRequest page);

    /** The org's {@code limit} newest plans matching the filter, without a cursor (nothing to page on). */
    default java.util.List<TrainingPlan> latest(String orgId, PlanFilter filter, int limit) {
        return list(orgId, filter, PageRequest.first(limit)).items();
    }

    record PlanFilter(Optional<PlanKind> kind, Optional<Integer> year, Optional<PlanStatus> status) {
        public static PlanFilter none() {
            return new PlanFilter(Optional.empty(), Optional.empty(), Optional.empty());
        }
    }
}
