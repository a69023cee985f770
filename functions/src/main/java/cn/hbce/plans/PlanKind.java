package cn.hbce.plans;

import cn.hbce.review.ReviewKind;
import java.util.Optional;

/**
 * 年度培训计划, 培训计划申报 (with its courses) and 年度工作总结; each is reviewed as the review kind
 * of the same name. {@code onePendingPerYear}: an org has at most one of it pending per year.
 */
public enum PlanKind {
    ANNUAL_PLAN(ReviewKind.ANNUAL_PLAN, true),
    PLAN_DECLARATION(ReviewKind.PLAN_DECLARATION, false),
    ANNUAL_SUMMARY(ReviewKind.ANNUAL_SUMMARY, true);

    private final ReviewKind reviewKind;
    private final boolean onePendingPerYear;

    PlanKind(ReviewKind reviewKind, boolean onePendingPerYear) {
        this.reviewKind = reviewKind;
        this.onePendingPerYear = onePendingPerYear;
    }

    public ReviewKind reviewKind() {
        return reviewKind;
    }

    public boolean onePendingPerYear() {
        return onePendingPerYear;
    }

    public static Optional<PlanKind> parse(String value) {
        for (PlanKind k : values()) {
            if (k.name().equals(value)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static Optional<PlanKind> of(ReviewKind kind) {
        for (PlanKind k : values()) {
            if (k.reviewKind == kind) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
