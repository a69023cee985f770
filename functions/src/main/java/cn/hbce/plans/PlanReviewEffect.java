package cn.hbce.plans;

import cn.hbce.review.Review;
import cn.hbce.review.ReviewDecisions;
import cn.hbce.review.ReviewEffect;
import cn.hbce.review.ReviewStatus;
import java.time.Clock;

/**
 * The end of an ANNUAL_PLAN, PLAN_DECLARATION or ANNUAL_SUMMARY review: the plan becomes APPROVED
 * or REJECTED (a timed-out review counts as rejected) with the decider's comment, and the org's
 * pending mark for that kind and year is freed. Idempotent: a retried call changes nothing more.
 */
public final class PlanReviewEffect implements ReviewEffect {
    private final PlanRepository plans;
    private final ReviewDecisions decisions;
    private final Clock clock;

    public PlanReviewEffect(PlanRepository plans, ReviewDecisions decisions, Clock clock) {
        this.plans = plans;
        this.decisions = decisions;
        this.clock = clock;
    }

    @Override
    public void apply(Review review, ReviewStatus outcome) {
        java.util.Optional<TrainingPlan> found = plans.get(review.subjectId());
        if (found.isEmpty()) {
            // A review of a plan kind submitted without a plan (not through PlanService): nothing to mark.
            return;
        }
        TrainingPlan plan = found.get();
        boolean approved = outcome == ReviewStatus.APPROVED;
        String comment = decisions.comment(review.reviewId(), approved ? ReviewStatus.APPROVED : ReviewStatus.REJECTED)
                .orElse(null);
        plans.decide(plan.planId(), approved ? PlanStatus.APPROVED : PlanStatus.REJECTED, comment, clock.instant());
        if (plan.kind().onePendingPerYear()) {
            plans.releaseYear(plan.orgId(), plan.kind(), plan.year(), plan.planId());
        }
    }
}
