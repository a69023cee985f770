package cn.hbce.org.admins;

import cn.hbce.account.AccountRepository;
import cn.hbce.account.AdminMembership;
import cn.hbce.account.Person;
import cn.hbce.account.PersonCreation;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.account.PasswordHasher;
import cn.hbce.account.PasswordPolicy;
import cn.hbce.common.Ids;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.Conflict;
import cn.hbce.common.domain.Forbidden;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.domain.NotFound;
import cn.hbce.common.domain.Reason;
import cn.hbce.common.domain.Refusal;
import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import cn.hbce.common.validation.Fields;
import cn.hbce.common.validation.IdCard;
import cn.hbce.common.validation.Phone;
import cn.hbce.common.validation.Texts;
import cn.hbce.org.Org;
import cn.hbce.org.OrgRepository;
import cn.hbce.org.roles.OrgRoleRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 单位管理员: the admins of the caller's own org — list (masked), add in three ways, change role,
 * hand over the super admin, delete. Every seat is looked up under the caller's org, so another
 * org's admin is not found (404).
 *
 * <p>Write order, without transactions:
 * <ul>
 * <li><b>add</b>: reserve the role (count +1, fails when the role does not exist) → for a new user,
 * take the ID-number claim and create the person → take the person's pointer for the org (one seat
 * per person and org; 409 when taken) → write the seat. A failure undoes the earlier steps.</li>
 * <li><b>change role</b>: reserve the new role → move the seat conditional on its old role → release
 * the old role.</li>
 * <li><b>make super</b>: mark the caller's seat as handing over to the target (one hand-over at a
 * time; repeating the same request finishes an interrupted one) → promote the target (drops its
 * role) → delete the old super admin's seat, then its pointer → release the target's old role.
 * The authorizer reads the seat on every request, so the old super admin's tokens stop at once.</li>
 * <li><b>delete</b>: delete the seat (not the super admin's) → delete the pointer → release the role.</li>
 * </ul>
 */
public final class AdminService {
    public static final String MEMBER = "MEMBER";
    public static final String NEW_USER = "NEW_USER";
    public static final String EXISTING_USER = "EXISTING_USER";
    static final Duration STALE_POINTER = Duration.ofMinutes(1);
    private static final int PERSON_NAME_MAX = 50;
    /** Read in place of a person when the ID number is unknown, so both answers cost the same reads. */
    private static final String NO_ONE = "p_none";
    private static final Pattern OPAQUE_ID = Pattern.compile("[a-z]_[0-9a-z_]{1,64}");
    private final AdminRepository admins;
    private final OrgRoleRepository roles;
    private final AccountRepository accounts;
    private final OrgRepository orgs;
    private final PersonCreation people;
    private final AuditLog audit;
    private final Clock clock;

    public AdminService(AdminRepository admins, OrgRoleRepository roles, AccountRepository accounts, OrgRepository orgs,
                        PasswordHasher hasher, AuditLog audit, Clock clock) {
        this.admins = admins;
        this.roles = roles;
        this.accounts = accounts;
        this.orgs = orgs;
        this.people = new PersonCreation(accounts, hasher, clock);
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * {@code mode} MEMBER takes {@code personId}; NEW_USER takes {@code idCard, name, phone, password};
     * EXISTING_USER takes {@code idCard} and {@code name}, which must match. Fields of another mode are refused.
     */
    public record NewAdmin(String mode, String roleId, String personId, String idCard, String name, String phone,
                           String password) {
        @Override
        public String toString() {
            return "NewAdmin[mode=" + mode + ", roleId=" + roleId + "]";
        }
    }

    public record RoleChange(String roleId) {
    }

    public record Handover(String adminId, boolean superAdmin, String removedAdminId) {
    }

    public Page<AdminView> list(Actor caller, PageRequest page) {
        Page<AdminMembership> seats = admins.seats(caller.requireOrg(), page);
        Map<String, Person> people = admins.people(seats.items().stream().map(AdminMembership::personId).toList());
        return seats.withItems(seats.items().stream().map(s -> AdminView.of(s, people.get(s.personId()))).toList());
    }

    public String add(Actor caller, NewAdmin req, AuditContext meta) {
        String orgId = caller.requireOrg();
        Instant now = clock.instant();
        Candidate candidate = candidate(orgId, req, now);
        Org org = orgs.get(orgId).orElseThrow(() -> new NotFound());
        String roleId = req.roleId().strip();
        if (!roles.reserve(orgId, roleId)) {
            throw roleNotFound();
        }
        List<Runnable> undo = new ArrayList<>();
        undo.add(() -> roles.release(orgId, roleId));
        try {
            String personId = candidate.existing().map(Person::personId).orElseGet(() -> newUser(candidate, undo));
            AdminMembership seat = new AdminMembership(Ids.newId("a"), orgId, org.type().name(), personId, roleId,
                    false, false);
            claimPointerOrConflict(seat, now);
            undo.add(0, () -> admins.deletePointer(personId, orgId, seat.adminId()));
            admins.createSeat(seat, now);
            if (candidate.existing().isEmpty()) {
                audit.record(new AuditRecord(now, meta, "PERSON_CREATE", "PERSON", personId, AuditRecord.SUCCESS));
            }
            audit.record(new AuditRecord(now, meta, "ADMIN_ADD_" + req.mode(), "ADMIN", seat.adminId(), AuditRecord.SUCCESS));
            return seat.adminId();
        } catch (RuntimeException failure) {
            undo.forEach(Runnable::run);
            throw failure;
        }
    }

    public AdminView changeRole(Actor caller, String adminId, RoleChange req, AuditContext meta) {
        String orgId = caller.requireOrg();
        Fields f = new Fields();
        String roleId = f.text("roleId", req.roleId(), 80);
        f.throwIfInvalid();
        for (int attempt = 0; attempt < 3; attempt++) {
            AdminMembership seat = admins.seat(orgId, adminId).orElseThrow(() -> new NotFound());
            if (seat.superAdmin()) {
                throw new Conflict(Reason.SUPER_ADMIN_HAS_NO_ROLE);
            }
            if (roleId.equals(seat.roleId())) {
                return view(seat);
            }
            if (!roles.reserve(orgId, roleId)) {
                throw roleNotFound();
            }
            if (admins.changeRole(orgId, adminId, seat.roleId(), roleId)) {
                if (seat.roleId() != null) {
                    roles.release(orgId, seat.roleId());
                }
                audit.record(new AuditRecord(clock.instant(), meta, "ADMIN_ROLE_CHANGE", "ADMIN", adminId, AuditRecord.SUCCESS));
                return view(admins.seat(orgId, adminId).orElse(seat));
            }
            // Changed meanwhile (another role change, a hand-over, a delete): give back and look again.
            roles.release(orgId, roleId);
        }
        throw new Conflict(Reason.ADMIN_BEING_CHANGED);
    }

    public Handover makeSuper(Actor caller, String adminId, AuditContext meta) {
        String orgId = caller.requireOrg();
        AdminMembership current = admins.seat(orgId, caller.adminId()).filter(AdminMembership::superAdmin)
                .orElseThrow(() -> new Forbidden());
        if (current.adminId().equals(adminId)) {
            throw new Conflict(Reason.ALREADY_SUPER_ADMIN);
        }
        AdminMembership target = admins.seat(orgId, adminId).orElseThrow(() -> new NotFound());
        if (target.disabled() && !target.superAdmin()) {
            throw new Conflict(Reason.DISABLED_ADMIN_CANNOT_BE_SUPER);
        }
        Instant now = clock.instant();
        if (!admins.startHandover(orgId, current.adminId(), adminId, now)) {
            throw new Conflict(Reason.HANDOVER_IN_PROGRESS);
        }
        Optional<AdminMembership> before = admins.promote(orgId, adminId);
        if (before.isEmpty()) {
            // Either an interrupted hand-over to this target is being finished, or the target changed.
            boolean alreadyPromoted = admins.seat(orgId, adminId).map(AdminMembership::superAdmin).orElse(false);
            if (!alreadyPromoted) {
                admins.cancelHandover(orgId, current.adminId(), adminId);
                throw admins.seat(orgId, adminId).isPresent()
                        ? new Conflict(Reason.DISABLED_ADMIN_CANNOT_BE_SUPER)
                        : new NotFound();
            }
        }
        // The promoted seat's old role is released before the caller's seat goes, so a hand-over
        // interrupted anywhere before that is finished by repeating it (the caller is still super admin).
        admins.takePromotedRole(orgId, adminId).ifPresent(oldRole -> roles.release(orgId, oldRole));
        admins.deleteHandedOverSeat(orgId, current.adminId(), adminId);
        admins.deletePointer(current.personId(), orgId, current.adminId());
        audit.record(new AuditRecord(now, meta, "ADMIN_MAKE_SUPER", "ADMIN", adminId, AuditRecord.SUCCESS));
        audit.record(new AuditRecord(now, meta, "ADMIN_REMOVE_PREVIOUS_SUPER", "ADMIN", current.adminId(), AuditRecord.SUCCESS));
        return new Handover(adminId, true, current.adminId());
    }

    public void delete(Actor caller, String adminId, AuditContext meta) {
        String orgId = caller.requireOrg();
        AdminMembership seat = admins.seat(orgId, adminId).orElseThrow(() -> new NotFound());
        if (seat.superAdmin()) {
            throw cannotDeleteSuper();
        }
        AdminMembership removed = admins.deleteSeat(orgId, adminId).orElseThrow(() ->
                admins.seat(orgId, adminId).isPresent() ? cannotDeleteSuper() : new NotFound());
        admins.deletePointer(removed.personId(), orgId, adminId);
        if (removed.roleId() != null) {
            roles.release(orgId, removed.roleId());
        }
        audit.record(new AuditRecord(clock.instant(), meta, "ADMIN_DELETE", "ADMIN", adminId, AuditRecord.SUCCESS));
    }

    /** Who is to become admin: an existing person, or the validated data of a new one. */
    private record Candidate(Optional<Person> existing, String idCard, String name, String phone, String password) {
    }

    private Candidate candidate(String orgId, NewAdmin req, Instant now) {
        Fields f = new Fields();
        String mode = req.mode() == null ? "" : req.mode();
        f.require("mode", List.of(MEMBER, NEW_USER, EXISTING_USER).contains(mode));
        f.text("roleId", req.roleId(), 80);
        f.require("personId", MEMBER.equals(mode) ? present(req.personId()) : req.personId() == null);
        boolean idCardNeeded = NEW_USER.equals(mode) || EXISTING_USER.equals(mode);
        f.require("idCard", idCardNeeded ? present(req.idCard()) : req.idCard() == null);
        String name = null;
        if (NEW_USER.equals(mode) || EXISTING_USER.equals(mode)) {
            name = f.text("name", req.name(), PERSON_NAME_MAX);
        } else {
            f.require("name", req.name() == null);
        }
        if (NEW_USER.equals(mode)) {
            f.require("phone", present(req.phone()));
            f.require("password", req.password() != null && !req.password().isEmpty());
        } else {
            f.require("phone", req.phone() == null);
            f.require("password", req.password() == null);
        }
        f.throwIfInvalid();
        switch (mode) {
            case MEMBER -> {
                String personId = req.personId().strip();
                Person member = (OPAQUE_ID.matcher(personId).matches() ? accounts.person(personId) : Optional.<Person>empty())
                        .filter(p -> p.registration() != null
                                && p.registration().status() == RegistrationStatus.APPROVED
                                && orgId.equals(p.registration().orgId()))
                        .orElseThrow(() -> new NotFound(Reason.NO_SUCH_MEMBER));
                return new Candidate(Optional.of(member), null, null, null, null);
            }
            case EXISTING_USER -> {
                // An unknown ID number and a known one with another name answer alike, after the same
                // two reads, so the route cannot be used to learn who holds an ID number.
                String personId = accounts.personIdForIdCard(idCard(req.idCard(), now)).orElse(NO_ONE);
                String wanted = Texts.comparable(name);
                Person person = accounts.person(personId)
                        .filter(p -> Texts.comparable(p.name()).equals(wanted))
                        .filter(p -> p.registration() == null || p.registration().status() != RegistrationStatus.REJECTED)
                        .orElseThrow(() -> new NotFound(Reason.NO_SUCH_USER));
                return new Candidate(Optional.of(person), null, null, null, null);
            }
            default -> {
                String idCard = idCard(req.idCard(), now);
                String phone = Phone.normalize(req.phone())
                        .orElseThrow(() -> new Invalid(Reason.PHONE_INVALID, List.of("phone")));
                if (!PasswordPolicy.acceptable(req.password(), idCard, phone)) {
                    throw new Invalid(Reason.WEAK_PASSWORD, List.of("password"));
                }
                return new Candidate(Optional.empty(), idCard, name, phone, req.password());
            }
        }
    }

    /** Claims the ID number and creates the person (never a professional: only an admin login). */
    private String newUser(Candidate c, List<Runnable> undo) {
        // The super admin chose this password, so it is temporary: the new admin must change it first.
        PersonCreation.Created created = people.create(
                        new PersonCreation.NewPerson(c.idCard(), c.name(), c.phone(), c.password(), null, true))
                .orElseThrow(() -> new Conflict(Reason.NEW_ADMIN_ALREADY_REGISTERED, List.of("idCard")));
        undo.add(0, created.undo());
        return created.personId();
    }

    /**
     * One seat per person and org. A pointer whose seat is gone (an interrupted delete, or an add
     * that stopped before its seat and is older than {@link #STALE_POINTER}) is taken over.
     */
    private void claimPointerOrConflict(AdminMembership seat, Instant now) {
        if (admins.claimPointer(seat, now)) {
            return;
        }
        Optional<AdminRepository.Pointer> pointer = admins.pointer(seat.personId(), seat.orgId());
        if (pointer.isEmpty()) {
            if (admins.claimPointer(seat, now)) {
                return;
            }
        } else {
            AdminRepository.Pointer p = pointer.get();
            boolean inFlight = p.createdAt() != null && p.createdAt().plus(STALE_POINTER).isAfter(now);
            if (!inFlight && admins.seat(seat.orgId(), p.adminId()).isEmpty()
                    && admins.takeOverPointer(seat, p.adminId(), now)) {
                return;
            }
        }
        throw new Conflict(Reason.ALREADY_ADMIN);
    }

    private AdminView view(AdminMembership seat) {
        return AdminView.of(seat, accounts.person(seat.personId()).orElse(null));
    }

    private static String idCard(String raw, Instant now) {
        return IdCard.normalize(raw, now.atZone(ZoneOffset.ofHours(8)).toLocalDate())
                .orElseThrow(() -> new Invalid(Reason.ID_CARD_INVALID, List.of("idCard")));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static Refusal roleNotFound() {
        return new Invalid(Reason.ROLE_NOT_FOUND, List.of("roleId"));
    }

    private static Refusal cannotDeleteSuper() {
        return new Conflict(Reason.SUPER_ADMIN_CANNOT_BE_DELETED);
    }
}
