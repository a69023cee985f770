package cn.hbce.org;

import static cn.hbce.testing.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.account.AdminMembership;
import cn.hbce.review.ReviewService;
import cn.hbce.review.ReviewStatus;
import cn.hbce.testing.Actors;
import cn.hbce.testing.Actors.TestActor;
import cn.hbce.testing.fakes.Fakes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 本级机构管理 基本信息 and 更换上级部门 at the service level. */
class OrgServiceTest {
    private final Fakes fakes = new Fakes();
    private final OrgService service = fakes.orgService();
    private final Org root = fakes.root();
    private final Org dept = fakes.department(root.orgId(), "武汉市人社局");
    private final AdminMembership deptAdmin = fakes.superAdminOf(dept);
    private final Org otherDept = fakes.department(root.orgId(), "黄石市人社局");
    private final AdminMembership otherDeptAdmin = fakes.superAdminOf(otherDept);
    private final Org unit = fakes.unit(dept.orgId(), "武汉大学");
    private final AdminMembership unitAdmin = fakes.superAdminOf(unit);

    private OrgService.EditOutcome edit(AdminMembership seat, String name, long version) {
        TestActor who = Actors.superAdmin(seat);
        return service.edit(who.principal(), new OrgService.Edit(name, null, null, "新地址 1 号", version), who.meta());
    }

    @Test
    void aDepartmentEditsItsInfoAtOnceAndBecomesFindableByTheNewName() {
        OrgService.EditOutcome.Applied applied = assertInstanceOf(OrgService.EditOutcome.Applied.class,
                edit(deptAdmin, "武汉市人力资源和社会保障局", 1));
        assertEquals("武汉市人力资源和社会保障局", applied.org().name());
        Org stored = fakes.reload(dept);
        assertEquals("新地址 1 号", stored.address());
        assertEquals(2, stored.version());
        assertEquals(List.of("SUCCESS"), fakes.audit.results("ORG_EDIT", dept.orgId()));
        assertEquals(List.of(dept.orgId()), fakes.orgs.lookup("社会保障", Optional.of(OrgType.DEPARTMENT), 20).stream()
                .map(OrgSummary::orgId).toList());
    }

    @Test
    void anEditAgainstAnOldVersionIs412AndChangesNothing() {
        edit(deptAdmin, "第一次修改", 1);
        assertRefused("VERSION_CONFLICT", () -> edit(deptAdmin, "第二次修改", 1));
        assertEquals("第一次修改", fakes.reload(dept).name());
        TestActor who = Actors.superAdmin(deptAdmin);
        assertEquals(List.of("version"), assertRefused("VALIDATION_FAILED", () -> service.edit(who.principal(),
                new OrgService.Edit("无版本", null, null, null, null), who.meta())).fields());
    }

    @Test
    void aUnitsEditWaitsForItsSupervisorAndAppliesOnApproval() {
        OrgService.EditOutcome.UnderReview pending = assertInstanceOf(OrgService.EditOutcome.UnderReview.class,
                edit(unitAdmin, "武汉大学（新）", 1));
        assertEquals("武汉大学", fakes.reload(unit).name(), "nothing changes before the review");
        assertEquals(List.of(dept.orgId()), fakes.workflow.waitingFor(pending.reviewId()));
        assertEquals(ReviewService.Outcome.NOT_FOUND, fakes.decide(otherDeptAdmin, pending.reviewId(), true),
                "another department cannot decide it");

        assertEquals(ReviewService.Outcome.DONE, fakes.decide(deptAdmin, pending.reviewId(), true));
        Org after = fakes.reload(unit);
        assertEquals("武汉大学（新）", after.name());
        assertEquals("新地址 1 号", after.address());
        assertEquals(2, after.version());
    }

    @Test
    void aUnitHasOneInfoChangeUnderReviewAtATime() {
        OrgService.EditOutcome.UnderReview first = assertInstanceOf(OrgService.EditOutcome.UnderReview.class,
                edit(unitAdmin, "第一个名字", 1));
        assertRefused("CONFLICT", () -> edit(unitAdmin, "第二个名字", 1));
        fakes.decide(deptAdmin, first.reviewId(), false);
        assertEquals(ReviewStatus.REJECTED, fakes.reviews.get(first.reviewId()).orElseThrow().status());
        assertEquals("武汉大学", fakes.reload(unit).name(), "a rejected change is not applied");
        assertInstanceOf(OrgService.EditOutcome.UnderReview.class, edit(unitAdmin, "第二个名字", 1),
                "after the decision a new change may be submitted");
    }

    @Test
    void aUnitsEditAgainstAnOldVersionOrWithoutChangesIsRefused() {
        assertRefused("VERSION_CONFLICT", () -> edit(unitAdmin, "新名字", 7));
        TestActor who = Actors.superAdmin(unitAdmin);
        Org now = fakes.reload(unit);
        assertEquals(List.of("body"), assertRefused("VALIDATION_FAILED", () -> service.edit(who.principal(),
                new OrgService.Edit(now.name(), now.contactPhone(), now.regionCode(), null, now.version()), who.meta())).fields());
        assertTrue(fakes.reviews.about(unit.orgId()).isEmpty(), "nothing was submitted");
    }

    @Test
    void aSuperiorChangeNeedsBothSuperiorsAndMovesTheUnit() {
        TestActor who = Actors.superAdmin(unitAdmin);
        String reviewId = service.requestSuperiorChange(who.principal(),
                new OrgService.SuperiorChange(otherDept.orgId(), "业务划转"), who.meta());
        assertEquals(Set.of(dept.orgId(), otherDept.orgId()), Set.copyOf(fakes.workflow.waitingFor(reviewId)));
        assertRefused("CONFLICT", () -> service.requestSuperiorChange(who.principal(),
                new OrgService.SuperiorChange(otherDept.orgId(), "再次申请"), who.meta()));

        fakes.decide(deptAdmin, reviewId, true);
        assertEquals(dept.orgId(), fakes.reload(unit).parentOrgId(), "one approval is not enough");
        fakes.decide(otherDeptAdmin, reviewId, true);
        assertEquals(otherDept.orgId(), fakes.reload(unit).parentOrgId());
        assertEquals(ReviewStatus.APPROVED, fakes.reviews.get(reviewId).orElseThrow().status());
    }

    @Test
    void aSuperiorChangeRejectedByEitherSuperiorLeavesTheUnitWhereItWas() {
        TestActor who = Actors.superAdmin(unitAdmin);
        String reviewId = service.requestSuperiorChange(who.principal(),
                new OrgService.SuperiorChange(otherDept.orgId(), "业务划转"), who.meta());
        fakes.decide(otherDeptAdmin, reviewId, false);
        assertEquals(dept.orgId(), fakes.reload(unit).parentOrgId());
        assertEquals(ReviewService.Outcome.ALREADY_DECIDED, fakes.decide(deptAdmin, reviewId, true),
                "the other superior's step was closed");
        service.requestSuperiorChange(who.principal(), new OrgService.SuperiorChange(otherDept.orgId(), "重新申请"), who.meta());
    }

    @Test
    void theNewSuperiorMustBeAnotherApprovedDepartmentOutsideTheOrgsOwnSubtree() {
        TestActor unitCaller = Actors.superAdmin(unitAdmin);
        Org otherUnit = fakes.unit(otherDept.orgId(), "华中科技大学");
        for (String target : new String[] {dept.orgId(), otherUnit.orgId(), root.orgId(), "o_missing"}) {
            assertEquals(List.of("newParentOrgId"), assertRefused("VALIDATION_FAILED", () -> service.requestSuperiorChange(
                    unitCaller.principal(), new OrgService.SuperiorChange(target, "理由"), unitCaller.meta())).fields(), target);
        }
        Org childDept = fakes.department(dept.orgId(), "江岸区人社局");
        TestActor deptCaller = Actors.superAdmin(deptAdmin);
        assertRefused("VALIDATION_FAILED", () -> service.requestSuperiorChange(deptCaller.principal(),
                new OrgService.SuperiorChange(childDept.orgId(), "不能挂到自己下面"), deptCaller.meta()));
    }

    @Test
    void aCallerWithoutAnOrgFindsNothing() {
        TestActor professional = Actors.professional("p_someone", null);
        assertRefused("NOT_FOUND", () -> service.own(professional.principal()));
    }
}
