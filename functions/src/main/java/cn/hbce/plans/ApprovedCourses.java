package cn.hbce.plans;

import java.util.List;
import java.util.Optional;

/**
 * For the hours feature: the courses an org may report hours against. An hours declaration names
 * a {@code planId} (and a course of it); this answers the approved PLAN_DECLARATION of that id
 * submitted by {@code orgId}, or empty when the id is unknown, is another org's, is another kind of
 * plan or is not (yet) approved — the caller cannot tell these apart, and should answer as for a
 * missing plan.
 */
public interface ApprovedCourses {

    record ApprovedDeclaration(String planId, String orgId, int year, String title, List<Course> courses) {

        public Optional<Course> course(String courseId) {
            return courses.stream().filter(c -> c.courseId().equals(courseId)).findFirst();
        }
    }

    Optional<ApprovedDeclaration> find(String orgId, String planId);

    /** Over the plans' storage. */
    static ApprovedCourses over(PlanRepository plans) {
        return (orgId, planId) -> plans.get(planId)
                .filter(p -> p.orgId().equals(orgId) && p.kind() == PlanKind.PLAN_DECLARATION && p.status() == PlanStatus.APPROVED)
                .map(p -> new ApprovedDeclaration(p.planId(), p.orgId(), p.year(), p.title(), p.courses()));
    }
}
