package cn.hbce.plans;

import cn.hbce.common.files.AttachedFile;
import java.time.Instant;
import java.util.List;

/**
 * A training plan, declaration or summary an org submitted, with its review: {@code reviewOrgId}
 * is the supervising department that decides it (and may see it), {@code comment} the decider's
 * comment once decided. {@code courses} is empty except for a PLAN_DECLARATION.
 */
public record TrainingPlan(String planId, String orgId, String orgName, String orgType, PlanKind kind, int year,
                           String title, String content, List<AttachedFile> files, List<Course> courses,
                           PlanStatus status, String reviewId, String reviewOrgId, String submittedBy,
                           Instant submittedAt, Instant decidedAt, String comment) {
}
