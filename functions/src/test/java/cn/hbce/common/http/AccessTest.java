package cn.hbce.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.hbce.common.domain.Actor;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTest {

    private static Actor admin(boolean orgApproved, boolean superAdmin, Set<String> perms, boolean mustChange) {
        return new Actor("p", "s", "DEPARTMENT", "o", "a", superAdmin, perms, orgApproved, mustChange);
    }

    private static ErrorCode refusal(Access access, Optional<Actor> caller) {
        return assertThrows(ApiError.class, () -> access.check(caller)).code();
    }

    @Test
    void protectedRoutesNeedACaller() {
        assertEquals(ErrorCode.UNAUTHENTICATED, refusal(Access.signedIn(), Optional.empty()));
        assertEquals(Optional.empty(), Access.anonymous().check(Optional.empty()));
    }

    @Test
    void adminsOfOrgsUnderReviewOnlyReachTheirOwnOrgAndAccount() {
        Optional<Actor> pending = Optional.of(admin(false, true, Set.of(), false));
        assertEquals(ErrorCode.ORG_NOT_APPROVED, refusal(Access.approvedOrgAdmin(), pending));
        assertEquals(pending, Access.approvedOrgAdmin().evenIfOrgNotApproved().check(pending));
        assertEquals(pending, Access.signedIn().check(pending));
    }

    @Test
    void permissionsComeFromTheRoleUnlessSuperAdmin() {
        Access edit = Access.approvedOrgAdmin().withPermission("org.edit");
        assertEquals(ErrorCode.FORBIDDEN, refusal(edit, Optional.of(admin(true, false, Set.of("stats.view"), false))));
        edit.check(Optional.of(admin(true, false, Set.of("org.edit"), false)));
        edit.check(Optional.of(admin(true, true, Set.of(), false)));
    }

    @Test
    void personsAreNotAdmins() {
        Actor person = new Actor("p", "s", "PERSON", "o", null, false, Set.of(), true, false);
        assertEquals(ErrorCode.FORBIDDEN, refusal(Access.approvedOrgAdmin(), Optional.of(person)));
    }

    @Test
    void aTemporaryPasswordMustBeChangedFirst() {
        Optional<Actor> temp = Optional.of(admin(true, true, Set.of(), true));
        assertEquals(ErrorCode.PASSWORD_CHANGE_REQUIRED, refusal(Access.approvedOrgAdmin(), temp));
        assertEquals(temp, Access.signedIn().check(temp));
    }
}
