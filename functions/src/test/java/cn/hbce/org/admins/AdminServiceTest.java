package cn.hbce.org.admins;

import static cn.hbce.testing.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.account.AdminMembership;
import cn.hbce.account.Person;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.auth.LoginOutcome;
import cn.hbce.auth.LoginService;
import cn.hbce.common.paging.PageRequest;
import cn.hbce.org.Org;
import cn.hbce.org.roles.Role;
import cn.hbce.testing.Actors;
import cn.hbce.testing.Actors.TestActor;
import cn.hbce.testing.Refusals.Refused;
import cn.hbce.testing.TestData;
import cn.hbce.testing.fakes.Faults;
import cn.hbce.testing.fakes.Fakes;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 单位管理员 at the service level: three ways to add, roles counted, the super admin handed over, never deleted. */
class AdminServiceTest {
    private static final String NEW_PASSWORD = "Temp#Pass2026";
    private final Fakes fakes = new Fakes();
    private final AdminService service = fakes.adminService();
    private final Org root = fakes.root();
    private final Org dept = fakes.department(root.orgId(), "武汉市人社局");
    private final Org unit = fakes.unit(dept.orgId(), "武汉大学");
    private final AdminMembership superSeat = fakes.superAdminOf(unit);
    private final TestActor superAdmin = Actors.superAdmin(superSeat);
    private final Role auditor = fakes.role(unit.orgId(), "审核员", Set.of("review.registration"));

    private String add(AdminService.NewAdmin req) {
        return service.add(superAdmin.principal(), req, superAdmin.meta());
    }

    private static AdminService.NewAdmin existing(String roleId, String idCard, String name) {
        return new AdminService.NewAdmin(AdminService.EXISTING_USER, roleId, null, idCard, name, null, null);
    }

    private static AdminService.NewAdmin newUser(String roleId, String idCard) {
        return new AdminService.NewAdmin(AdminService.NEW_USER, roleId, null, idCard, "新管理员", TestData.phone(), NEW_PASSWORD);
    }

    private static AdminService.NewAdmin member(String roleId, String personId) {
        return new AdminService.NewAdmin(AdminService.MEMBER, roleId, personId, null, null, null, null);
    }

    private long assigned(Role role) {
        return fakes.roles.get(role.orgId(), role.roleId()).orElseThrow().assignedCount();
    }

    private AdminMembership seat(String adminId) {
        return fakes.admins.seat(unit.orgId(), adminId).orElseThrow();
    }

    @Test
    void anApprovedProfessionalOfTheOrgIsAddedAsAMember() {
        Person p = fakes.professional("张老师", TestData.PASSWORD, unit.orgId(), RegistrationStatus.APPROVED);
        String adminId = add(member(auditor.roleId(), p.personId()));
        assertEquals(p.personId(), seat(adminId).personId());
        assertEquals(auditor.roleId(), seat(adminId).roleId());
        assertEquals(1, assigned(auditor));
        assertEquals(List.of("SUCCESS"), fakes.audit.results("ADMIN_ADD_MEMBER", adminId));
    }

    @Test
    void aProfessionalOfAnotherOrgOrNotYetApprovedIsNotAMember() {
        Org other = fakes.unit(dept.orgId(), "华中科技大学");
        Person elsewhere = fakes.professional("外单位", TestData.PASSWORD, other.orgId(), RegistrationStatus.APPROVED);
        Person pending = fakes.professional("待审核", TestData.PASSWORD, unit.orgId(), RegistrationStatus.PENDING);
        for (String personId : new String[] {elsewhere.personId(), pending.personId(), "p_missing", "not an id"}) {
            assertRefused("NOT_FOUND", () -> add(member(auditor.roleId(), personId)));
        }
        assertEquals(0, assigned(auditor), "every reservation was given back");
    }

    @Test
    void aNewUserMustChangeThePasswordTheSuperAdminChose() {
        String idCard = TestData.idCard();
        String adminId = add(newUser(auditor.roleId(), idCard));
        Person created = fakes.accounts.person(seat(adminId).personId()).orElseThrow();
        assertTrue(created.mustChangePassword());
        assertEquals(null, created.registration(), "an admin login only, not a professional");
        LoginOutcome.SignedIn in = assertInstanceOf(LoginOutcome.SignedIn.class, fakes.loginService().login(
                new LoginService.Command("UNIT", idCard, NEW_PASSWORD, null), Actors.anonymous("203.0.113.1").meta()));
        assertTrue(in.mustChangePassword());
        assertEquals(List.of("review.registration"), in.user().permissions());
        assertEquals(List.of("SUCCESS"), fakes.audit.results("PERSON_CREATE", created.personId()));
    }

    @Test
    void aNewUserWhoseIdNumberIsKnownIs409AndKeepsNothing() {
        Person known = fakes.person("已有用户", TestData.PASSWORD);
        assertEquals(List.of("idCard"), assertRefused("ALREADY_REGISTERED",
                () -> add(newUser(auditor.roleId(), known.idCard()))).fields());
        assertRefused("WEAK_PASSWORD", () -> add(new AdminService.NewAdmin(AdminService.NEW_USER, auditor.roleId(), null,
                TestData.idCard(), "新管理员", TestData.phone(), "password")));
        assertEquals(0, assigned(auditor));
        assertEquals(1, fakes.admins.seats(unit.orgId(), PageRequest.first(10)).items().size(), "only the super admin");
    }

    @Test
    void anExistingUserNeedsTheMatchingNameAndAMismatchLooksLikeAnUnknownNumber() {
        Person known = fakes.person("王小明", TestData.PASSWORD);
        Refused wrongName = assertRefused("NOT_FOUND", () -> add(existing(auditor.roleId(), known.idCard(), "王大明")));
        Refused unknown = assertRefused("NOT_FOUND", () -> add(existing(auditor.roleId(), TestData.idCard(), "王小明")));
        assertEquals(unknown, wrongName, "the answers cannot tell a wrong name from an unknown number");
        assertEquals(0, assigned(auditor));

        String adminId = add(existing(auditor.roleId(), known.idCard().toLowerCase(), " 王小明 "));
        assertEquals(known.personId(), seat(adminId).personId());
        assertTrue(fakes.audit.results("PERSON_CREATE", known.personId()).isEmpty(), "nobody new was created");
    }

    @Test
    void aRejectedProfessionalCannotBeAddedAsAnExistingUser() {
        Person rejected = fakes.professional("驳回者", TestData.PASSWORD, unit.orgId(), RegistrationStatus.REJECTED);
        assertRefused("NOT_FOUND", () -> add(existing(auditor.roleId(), rejected.idCard(), "驳回者")));
    }

    @Test
    void fieldsOfAnotherModeAndUnknownRolesAreRefused() {
        Person p = fakes.person("王小明", TestData.PASSWORD);
        assertEquals(List.of("phone"), assertRefused("VALIDATION_FAILED", () -> add(new AdminService.NewAdmin(
                AdminService.EXISTING_USER, auditor.roleId(), null, p.idCard(), "王小明", TestData.phone(), null))).fields());
        assertEquals(List.of("mode"), assertRefused("VALIDATION_FAILED", () -> add(new AdminService.NewAdmin(
                "ANYONE", auditor.roleId(), null, null, null, null, null))).fields());
        assertEquals(List.of("roleId"), assertRefused("VALIDATION_FAILED",
                () -> add(existing("r_gone", p.idCard(), "王小明"))).fields());
    }

    @Test
    void onePersonHasOneSeatPerOrgAndAFailedAddGivesTheRoleBack() {
        Person p = fakes.person("王小明", TestData.PASSWORD);
        add(existing(auditor.roleId(), p.idCard(), "王小明"));
        assertRefused("CONFLICT", () -> add(existing(auditor.roleId(), p.idCard(), "王小明")));
        assertEquals(1, assigned(auditor));

        String idCard = TestData.idCard();
        fakes.faults().failOn("AdminRepository.createSeat");
        assertThrows(Faults.InjectedFault.class, () -> add(newUser(auditor.roleId(), idCard)));
        assertEquals(1, assigned(auditor), "the failed add's reservation was released");
        assertTrue(fakes.accounts.personIdForIdCard(idCard).isEmpty(), "and its ID-number claim");
        add(newUser(auditor.roleId(), idCard));
    }

    @Test
    void changingTheRoleMovesTheCountAndTheSuperAdminHasNone() {
        Role viewer = fakes.role(unit.orgId(), "查询员", Set.of("stats.view"));
        String adminId = add(existing(auditor.roleId(), fakes.person("王小明", TestData.PASSWORD).idCard(), "王小明"));
        AdminView view = service.changeRole(superAdmin.principal(), adminId, new AdminService.RoleChange(viewer.roleId()),
                superAdmin.meta());
        assertEquals(viewer.roleId(), view.roleId());
        assertEquals(0, assigned(auditor));
        assertEquals(1, assigned(viewer));
        assertRefused("CONFLICT", () -> service.changeRole(superAdmin.principal(), superSeat.adminId(),
                new AdminService.RoleChange(viewer.roleId()), superAdmin.meta()));
        assertRefused("VALIDATION_FAILED", () -> service.changeRole(superAdmin.principal(), adminId,
                new AdminService.RoleChange("r_gone"), superAdmin.meta()));
        assertEquals(1, assigned(viewer));
    }

    @Test
    void theSuperAdminCannotBeDeletedAndADeletedAdminFreesRoleAndSeat() {
        assertRefused("CONFLICT", () -> service.delete(superAdmin.principal(), superSeat.adminId(), superAdmin.meta()));
        assertTrue(fakes.admins.seat(unit.orgId(), superSeat.adminId()).isPresent());

        Person p = fakes.person("王小明", TestData.PASSWORD);
        String adminId = add(existing(auditor.roleId(), p.idCard(), "王小明"));
        service.delete(superAdmin.principal(), adminId, superAdmin.meta());
        assertTrue(fakes.admins.seat(unit.orgId(), adminId).isEmpty());
        assertEquals(0, assigned(auditor));
        assertRefused("NOT_FOUND", () -> service.delete(superAdmin.principal(), adminId, superAdmin.meta()));
        assertNotEquals(adminId, add(existing(auditor.roleId(), p.idCard(), "王小明")), "the person can be added again");
        assertEquals(List.of("SUCCESS"), fakes.audit.results("ADMIN_DELETE", adminId));
    }

    @Test
    void makeSuperHandsTheOrgOverAndTheOldSuperAdminLeaves() {
        Person p = fakes.person("接任者", TestData.PASSWORD);
        String adminId = add(existing(auditor.roleId(), p.idCard(), "接任者"));
        AdminService.Handover h = service.makeSuper(superAdmin.principal(), adminId, superAdmin.meta());
        assertEquals(superSeat.adminId(), h.removedAdminId());
        AdminMembership now = seat(adminId);
        assertTrue(now.superAdmin());
        assertEquals(null, now.roleId(), "a super admin holds no role");
        assertEquals(0, assigned(auditor), "its old role was released");
        assertTrue(fakes.admins.seat(unit.orgId(), superSeat.adminId()).isEmpty(), "the previous super admin's seat is gone");
        assertTrue(fakes.accounts.membershipsOf(superSeat.personId()).isEmpty());
        assertEquals(List.of("SUCCESS"), fakes.audit.results("ADMIN_MAKE_SUPER", adminId));

        TestActor successor = Actors.superAdmin(now);
        Person old = fakes.accounts.person(superSeat.personId()).orElseThrow();
        service.add(successor.principal(), existing(auditor.roleId(), old.idCard(), old.name()), successor.meta());
    }

    @Test
    void onlyTheSuperAdminHandsOverAndNeverToADisabledAdmin() {
        Person p = fakes.person("王小明", TestData.PASSWORD);
        String adminId = add(existing(auditor.roleId(), p.idCard(), "王小明"));
        TestActor plainAdmin = Actors.admin(seat(adminId), Set.of("admins.manage"));
        assertRefused("FORBIDDEN", () -> service.makeSuper(plainAdmin.principal(), adminId, plainAdmin.meta()));
        assertRefused("CONFLICT", () -> service.makeSuper(superAdmin.principal(), superSeat.adminId(), superAdmin.meta()));
        fakes.subordinates.setSeatDisabled(unit.orgId(), adminId, true);
        assertRefused("CONFLICT", () -> service.makeSuper(superAdmin.principal(), adminId, superAdmin.meta()));
        assertTrue(seat(superSeat.adminId()).superAdmin(), "nothing was handed over");
        assertFalse(seat(adminId).superAdmin());
    }

    @Test
    void anInterruptedHandOverIsFinishedByRepeatingItAndBlocksAnyOther() {
        String first = add(existing(auditor.roleId(), fakes.person("甲", TestData.PASSWORD).idCard(), "甲"));
        String second = add(existing(auditor.roleId(), fakes.person("乙", TestData.PASSWORD).idCard(), "乙"));
        fakes.faults().failOn("AdminRepository.deleteHandedOverSeat");
        assertThrows(Faults.InjectedFault.class, () -> service.makeSuper(superAdmin.principal(), first, superAdmin.meta()));
        assertRefused("CONFLICT", () -> service.makeSuper(superAdmin.principal(), second, superAdmin.meta()));
        assertFalse(seat(second).superAdmin());

        service.makeSuper(superAdmin.principal(), first, superAdmin.meta());
        assertTrue(seat(first).superAdmin());
        assertTrue(fakes.admins.seat(unit.orgId(), superSeat.adminId()).isEmpty());
        assertFalse(seat(second).superAdmin());
    }

    /**
     * Found by these tests: a hand-over that stopped after the promotion used to leave the target's
     * old role counted for ever (the repeat found the target promoted and knew no role to release).
     * The old role now stays on the promoted seat until exactly one caller takes and releases it.
     */
    @Test
    void aHandOverInterruptedAfterThePromotionStillReleasesThePromotedAdminsRole() {
        repeatAfterAnInterruptionAt("AdminRepository.takePromotedRole");
    }

    @Test
    void aHandOverInterruptedBeforeTheOldSeatGoesReleasesTheRoleOnce() {
        repeatAfterAnInterruptionAt("AdminRepository.deleteHandedOverSeat");
    }

    private void repeatAfterAnInterruptionAt(String step) {
        String first = add(existing(auditor.roleId(), fakes.person("甲", TestData.PASSWORD).idCard(), "甲"));
        assertEquals(1, assigned(auditor));
        fakes.faults().failOn(step);
        assertThrows(Faults.InjectedFault.class, () -> service.makeSuper(superAdmin.principal(), first, superAdmin.meta()));
        service.makeSuper(superAdmin.principal(), first, superAdmin.meta());
        assertTrue(seat(first).superAdmin());
        assertEquals(0, assigned(auditor), "interrupted at " + step + ": nobody holds the role any more");
    }

    @Test
    void anotherOrgsAdminsAreNotFoundAndListsAreMasked() {
        Org other = fakes.unit(dept.orgId(), "华中科技大学");
        AdminMembership foreign = fakes.superAdminOf(other);
        assertRefused("NOT_FOUND", () -> service.delete(superAdmin.principal(), foreign.adminId(), superAdmin.meta()));
        assertRefused("NOT_FOUND", () -> service.changeRole(superAdmin.principal(), foreign.adminId(),
                new AdminService.RoleChange(auditor.roleId()), superAdmin.meta()));
        assertRefused("NOT_FOUND", () -> service.makeSuper(superAdmin.principal(), foreign.adminId(), superAdmin.meta()));
        assertTrue(fakes.admins.seat(other.orgId(), foreign.adminId()).orElseThrow().superAdmin());

        List<AdminView> listed = service.list(superAdmin.principal(), PageRequest.first(20)).items();
        assertEquals(List.of(superSeat.adminId()), listed.stream().map(AdminView::adminId).toList());
        Person me = fakes.accounts.person(superSeat.personId()).orElseThrow();
        assertFalse(listed.get(0).idCardMasked().contains(me.idCard().substring(4, 14)), listed.get(0).idCardMasked());
        assertFalse(listed.get(0).phone().equals(me.phone()));
    }

    @Test
    void theAdminListPagesThroughEverySeatOnce() {
        for (int i = 0; i < 4; i++) {
            add(existing(auditor.roleId(), fakes.person("管理员" + i, TestData.PASSWORD).idCard(), "管理员" + i));
        }
        var first = service.list(superAdmin.principal(), PageRequest.first(3));
        assertEquals(3, first.items().size());
        var rest = service.list(superAdmin.principal(), new PageRequest(3, java.util.Optional.of(first.nextCursor())));
        assertEquals(2, rest.items().size());
        assertEquals(null, rest.nextCursor());
        assertEquals(5, java.util.stream.Stream.concat(first.items().stream(), rest.items().stream())
                .map(AdminView::adminId).distinct().count());
    }
}
