package cn.hbce.plans;

import static cn.hbce.testing.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.account.AdminMembership;
import cn.hbce.common.paging.PageRequest;
import cn.hbce.org.Org;
import cn.hbce.org.OrgStatus;
import cn.hbce.org.OrgType;
import cn.hbce.review.Review;
import cn.hbce.review.ReviewKind;
import cn.hbce.review.ReviewService;
import cn.hbce.testing.Actors;
import cn.hbce.testing.Actors.TestActor;
import cn.hbce.testing.Race;
import cn.hbce.testing.fakes.Fakes;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 培训计划管理 at the service level: submission, the one-pending rule, visibility, the decision's effect. */
class PlanServiceTest {
    private final Fakes fakes = new Fakes();
    private final PlanService service = fakes.planService();
    private final Org root = fakes.root();
    private final Org dept = fakes.department(root.orgId(), "省卫健委");
    private final AdminMembership deptAdmin = fakes.superAdminOf(dept);
    private final Org otherDept = fakes.department(root.orgId(), "省教育厅");
    private final AdminMembership otherDeptAdmin = fakes.superAdminOf(otherDept);
    private final Org base = fakes.org(OrgType.BASE, "继续教育基地", dept.orgId(), OrgStatus.APPROVED);
    private final AdminMembership baseAdmin = fakes.superAdminOf(base);
    private final TestActor baseActor = Actors.superAdmin(baseAdmin);

    private static PlanSubmission.CourseInput course(String title, String category, String hours) {
        return new PlanSubmission.CourseInput(title, category, new BigDecimal(hours), "2027-03-01", "2027-03-05", 50);
    }

    private PlanService.Submitted submit(PlanKind kind, int year, List<PlanSubmission.CourseInput> courses, List<String> files) {
        return service.submit(baseActor.principal(), new PlanSubmission(kind.name(), year, "2027年度培训计划", "内容", files,
                courses), baseActor.meta());
    }

    private ReviewService.Outcome decide(AdminMembership decider, String reviewId, boolean approve, String comment) {
        TestActor who = Actors.superAdmin(decider);
        return fakes.reviewService.decide(who.principal(), List.of(new ReviewService.Decision(reviewId, approve, comment)),
                who.meta()).get(0).outcome();
    }

    @Test
    void anAnnualPlanIsReviewedByTheSupervisingDepartmentWithItsFilesAndApprovalMarksItApproved() {
        String fileId = fakes.attachments.upload(baseAdmin.personId(), "年度计划.pdf");
        PlanService.Submitted s = submit(PlanKind.ANNUAL_PLAN, 2027, null, List.of(fileId));

        Review review = fakes.reviews.get(s.reviewId()).orElseThrow();
        assertEquals(ReviewKind.ANNUAL_PLAN, review.kind());
        assertEquals(List.of(List.of(dept.orgId())), review.stages());
        assertEquals(base.orgId(), review.subject().get("orgId"));
        assertEquals("PLAN#" + s.planId(), fakes.attachments.ownerOf(fileId));
        Map<?, ?> file = (Map<?, ?>) ((List<?>) review.detail().get("files")).get(0);
        assertEquals("/v1/files/" + fileId + "/download", file.get("downloadUrl"));
        assertEquals(base.orgId(), ((Map<?, ?>) review.detail().get("org")).get("orgId"));

        assertEquals(ReviewService.Outcome.DONE, decide(deptAdmin, s.reviewId(), true, null));
        PlanService.Detail d = service.detail(baseActor.principal(), s.planId());
        assertEquals(PlanStatus.APPROVED, d.plan().status());
        assertEquals(1, d.decisions().size());
        assertEquals(List.of("SUCCESS"), fakes.audit.results("SUBMIT_ANNUAL_PLAN", s.reviewId()));
    }

    @Test
    void aRejectionKeepsTheCommentAndFreesTheYearForANewPlan() {
        PlanService.Submitted first = submit(PlanKind.ANNUAL_PLAN, 2027, null, List.of());
        assertRefused("PLAN_PENDING", () -> submit(PlanKind.ANNUAL_PLAN, 2027, null, List.of()));
        submit(PlanKind.ANNUAL_PLAN, 2028, null, List.of());
        submit(PlanKind.ANNUAL_SUMMARY, 2027, null, List.of());
        assertRefused("PLAN_PENDING", () -> submit(PlanKind.ANNUAL_SUMMARY, 2027, null, List.of()));

        decide(deptAdmin, first.reviewId(), false, "培训课时安排不合理");
        TrainingPlan rejected = service.detail(baseActor.principal(), first.planId()).plan();
        assertEquals(PlanStatus.REJECTED, rejected.status());
        assertEquals("培训课时安排不合理", rejected.comment());
        PlanService.Submitted again = submit(PlanKind.ANNUAL_PLAN, 2027, null, List.of());
        List<?> earlier = (List<?>) fakes.reviews.get(again.reviewId()).orElseThrow().detail().get("earlierDecisions");
        assertEquals("培训课时安排不合理", ((Map<?, ?>) earlier.get(0)).get("comment"));
    }

    @Test
    void aSubmissionThatFailsAfterAttachingGivesTheFilesAndTheYearBack() {
        String fileId = fakes.attachments.upload(baseAdmin.personId(), "年度计划.pdf");
        fakes.faults().failOn("PlanRepository.create");
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> submit(PlanKind.ANNUAL_PLAN, 2027, null, List.of(fileId)));
        assertEquals(null, fakes.attachments.ownerOf(fileId), "the file is free again");
        PlanService.Submitted s = submit(PlanKind.ANNUAL_PLAN, 2027, null, List.of(fileId));
        assertEquals("PLAN#" + s.planId(), fakes.attachments.ownerOf(fileId));
    }

    @Test
    void simultaneousAnnualPlansOfOneYearGiveExactlyOnePending() throws Exception {
        List<String> results = Race.run(8, () -> {
            try {
                return submit(PlanKind.ANNUAL_PLAN, 2027, null, List.of()).planId();
            } catch (cn.hbce.common.domain.Conflict refused) {
                return refused.reason().name();
            }
        });
        assertEquals(7, results.stream().filter("PLAN_PENDING"::equals).count(), results::toString);
    }

    @Test
    void aDeclarationNeedsValidCoursesAndItsApprovedCoursesAreReferable() {
        assertEquals(List.of("courses"), assertRefused("VALIDATION_FAILED",
                () -> submit(PlanKind.PLAN_DECLARATION, 2027, List.of(), List.of())).fields());
        assertEquals(List.of("courses[0].category", "courses[1].hours"), assertRefused("VALIDATION_FAILED",
                () -> submit(PlanKind.PLAN_DECLARATION, 2027, List.of(course("甲", "OTHER", "8"), course("乙", "PUBLIC", "0")),
                        List.of())).fields());
        PlanService.Submitted s = submit(PlanKind.PLAN_DECLARATION, 2027,
                List.of(course("公需课", "PUBLIC", "12"), course("专业课", "PROFESSIONAL", "24.5")), List.of());
        ApprovedCourses approved = ApprovedCourses.over(fakes.plans);
        assertTrue(approved.find(base.orgId(), s.planId()).isEmpty(), "not approved yet");

        decide(deptAdmin, s.reviewId(), true, null);
        ApprovedCourses.ApprovedDeclaration d = approved.find(base.orgId(), s.planId()).orElseThrow();
        assertEquals(List.of("公需课", "专业课"), d.courses().stream().map(Course::title).toList());
        assertEquals(new BigDecimal("24.5"), d.course("c2").orElseThrow().hours());
        assertTrue(approved.find(dept.orgId(), s.planId()).isEmpty(), "another org's plan is not referable");
    }

    @Test
    void thePlanIsSeenByItsOrgAndItsDeciderOnly() {
        PlanService.Submitted s = submit(PlanKind.ANNUAL_SUMMARY, 2027, null, List.of());
        assertTrue(service.canSee(Actors.superAdmin(deptAdmin).principal(), s.planId()));
        assertTrue(service.canSee(baseActor.principal(), s.planId()));
        TestActor other = Actors.superAdmin(otherDeptAdmin);
        assertFalse(service.canSee(other.principal(), s.planId()));
        assertRefused("NOT_FOUND", () -> service.detail(other.principal(), s.planId()));
        TestActor deptWithoutPlanReview = Actors.admin(new AdminMembership("a_x", dept.orgId(), "DEPARTMENT",
                "p_x", null, false, false), Set.of("review.registration"));
        assertRefused("NOT_FOUND", () -> service.detail(deptWithoutPlanReview.principal(), s.planId()));
        assertEquals(ReviewService.Outcome.NOT_FOUND, decide(otherDeptAdmin, s.reviewId(), true, null));
    }

    @Test
    void departmentsDoNotSubmitPlansAndTheListFiltersTheOrgsOwn() {
        TestActor deptActor = Actors.superAdmin(deptAdmin);
        assertRefused("FORBIDDEN", () -> service.submit(deptActor.principal(), new PlanSubmission("ANNUAL_PLAN", 2027, "计划",
                null, null, null), deptActor.meta()));
        PlanService.Submitted plan = submit(PlanKind.ANNUAL_PLAN, 2027, null, List.of());
        fakes.clock.advance(java.time.Duration.ofSeconds(1));
        PlanService.Submitted summary = submit(PlanKind.ANNUAL_SUMMARY, 2027, null, List.of());
        decide(deptAdmin, plan.reviewId(), true, null);
        assertEquals(List.of(summary.planId(), plan.planId()), ids(PlanRepository.PlanFilter.none()));
        assertEquals(List.of(plan.planId()), ids(new PlanRepository.PlanFilter(java.util.Optional.empty(),
                java.util.Optional.of(2027), java.util.Optional.of(PlanStatus.APPROVED))));
        assertEquals(List.of(summary.planId()), ids(new PlanRepository.PlanFilter(java.util.Optional.of(PlanKind.ANNUAL_SUMMARY),
                java.util.Optional.empty(), java.util.Optional.empty())));
        assertEquals(List.of(), service.list(deptActor.principal(), PlanRepository.PlanFilter.none(), PageRequest.first(20)).items());
    }

    private List<String> ids(PlanRepository.PlanFilter filter) {
        return service.list(baseActor.principal(), filter, PageRequest.first(20)).items().stream().map(TrainingPlan::planId).toList();
    }
}
