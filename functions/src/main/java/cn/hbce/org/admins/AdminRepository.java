package cn.hbce.org.admins;

import cn.hbce.account.AdminMembership;
import cn.hbce.account.Person;
import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The admin seats of an org ({@code ORG#org / ADMIN#adminId}) and their pointers from the person
 * ({@code PERSON#person / ADMINOF#org}), as written by the account model. The pointer doubles as the
 * natural key "one seat per person and org": it is taken before the seat is written.
 */
public interface AdminRepository {

    Page<AdminMembership> seats(String orgId, PageRequest page);

    Optional<AdminMembership> seat(String orgId, String adminId);

    /** Profiles of these people, by person id (missing ones are left out). */
    Map<String, Person> people(Collection<String> personIds);

    /** The seat a person's pointer names in an org; {@code createdAt} is null for pointers written after their seat. */
    record Pointer(String adminId, Instant createdAt) {
    }

    Optional<Pointer> pointer(String personId, String orgId);

    /** Takes the person's pointer for the org; false when the person already has one there. */
    boolean claimPointer(AdminMembership seat, Instant now);

    /** Replaces a pointer left behind without a seat; false when it changed meanwhile. */
    boolean takeOverPointer(AdminMembership seat, String staleAdminId, Instant now);

    /** Removes the pointer if it still names {@code adminId}. */
    void deletePointer(String personId, String orgId, String adminId);

    void createSeat(AdminMembership seat, Instant now);

    /** Moves a non-super seat from {@code expectedRoleId} (null: none) to {@code roleId}; false when it changed or is gone. */
    boolean changeRole(String orgId, String adminId, String expectedRoleId, String roleId);

    /** Removes a non-super seat; returns what it was, empty when it is gone or became super admin. */
    Optional<AdminMembership> deleteSeat(String orgId, String adminId);

    /**
     * Marks the super admin's seat as handing over to {@code targetAdminId}: only one hand-over per
     * super admin at a time (the same one may be repeated to finish an interrupted one).
     */
    boolean startHandover(String orgId, String superAdminId, String targetAdminId, Instant now);

    void cancelHandover(String orgId, String superAdminId, String targetAdminId);

    /**
     * Makes an enabled non-super seat the super admin, dropping its role but keeping its name on the
     * seat ({@link #takePromotedRole}); returns the seat as it was.
     */
    Optional<AdminMembership> promote(String orgId, String adminId);

    /**
     * The role a promoted seat held, taken off the seat by exactly one caller (the one that must
     * release it); empty for everyone else, and when the seat held no role.
     */
    Optional<String> takePromotedRole(String orgId, String adminId);

    /** Removes the old super admin's seat once it has handed over to {@code targetAdminId}. */
    boolean deleteHandedOverSeat(String orgId, String superAdminId, String targetAdminId);
}
