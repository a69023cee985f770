package cn.hbce.org.subordinates;

import cn.hbce.account.AccountRepository;
import cn.hbce.account.AdminMembership;
import cn.hbce.account.Person;
import cn.hbce.account.PersonRegistration;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.account.SessionStore;
import cn.hbce.account.PasswordHasher;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.Conflict;
import cn.hbce.common.domain.NotFound;
import cn.hbce.common.domain.Reason;
import cn.hbce.common.validation.IdCard;
import cn.hbce.common.validation.Phone;
import cn.hbce.org.Org;
import cn.hbce.org.OrgRepository;
import cn.hbce.org.OrgTree;
import cn.hbce.org.OrgType;
import cn.hbce.common.paging.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * 下属机构管理: the orgs directly under the caller's org, their admins (masked), disabling them and
 * resetting their passwords. Any other org is outside the caller's jurisdiction and answers 404.
 */
public final class SubordinateService {
    private final OrgRepository orgs;
    private final OrgTree tree;
    private final SubordinateRepository subordinates;
    private final AccountRepository accounts;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;
    private final TemporaryPasswords passwords = new TemporaryPasswords();

    public SubordinateService(OrgRepository orgs, SubordinateRepository subordinates, AccountRepository accounts,
                              SessionStore sessions, PasswordHasher hasher, AuditLog audit, Clock clock) {
        this.orgs = orgs;
        this.tree = new OrgTree(orgs);
        this.subordinates = subordinates;
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    public Page<Subordinate> list(Actor caller, Optional<OrgType> type, Optional<String> text, int limit,
                                  Optional<String> cursor) {
        Page<Subordinate> page = subordinates.children(caller.orgId(), type, text, limit, cursor);
        return page.withItems(page.items().stream().map(Subordinate::masked).toList());
    }

    public List<SubordinateAdmin> admins(Actor caller, String orgId) {
        Org org = subordinate(caller, orgId);
        return subordinates.seats(org.orgId()).stream()
                .sorted(Comparator.comparing(AdminMembership::superAdmin).reversed().thenComparing(AdminMembership::adminId))
                .map(seat -> {
                    Person p = accounts.person(seat.personId()).orElse(null);
                    return new SubordinateAdmin(seat.adminId(), seat.personId(), p == null ? null : p.name(),
                            p == null ? null : IdCard.mask(p.idCard()), p == null ? null : Phone.mask(p.phone()),
                            seat.roleId(), seat.superAdmin(), seat.disabled() ? "DISABLED" : "ACTIVE");
                })
                .toList();
    }

    /**
     * 禁用 / 启用: the seat is disabled, so nobody logs into this org with it, and the sessions opened
     * with this seat end at once. The person's seats in other orgs, and their professional login,
     * are not this org's to stop: they keep working.
     */
    public void setDisabled(Actor caller, String orgId, String adminId, boolean disabled, AuditContext meta) {
        Org org = subordinate(caller, orgId);
        AdminMembership seat = accounts.membership(org.orgId(), adminId).orElseThrow(() -> new NotFound());
        if (!subordinates.setSeatDisabled(org.orgId(), seat.adminId(), disabled)) {
            throw new NotFound();
        }
        if (disabled) {
            sessions.deleteAllOfSeat(seat.personId(), seat.adminId());
        }
        audit.record(new AuditRecord(clock.instant(), meta, disabled ? "ADMIN_DISABLE" : "ADMIN_ENABLE", "ADMIN",
                seat.adminId(), AuditRecord.SUCCESS));
    }

    /**
     * 重置密码: a temporary password the person must change at next login; their sessions end. A
     * person has one password for every seat, so only an org whose subtree holds every seat and the
     * registration of that person may reset it (409 {@code SHARED_ACCOUNT} otherwise): a superior
     * must never be able to take over an account that also opens doors outside its jurisdiction.
     */
    public String resetPassword(Actor caller, String orgId, String adminId, AuditContext meta) {
        Org org = subordinate(caller, orgId);
        AdminMembership seat = accounts.membership(org.orgId(), adminId).orElseThrow(() -> new NotFound());
        Person person = accounts.person(seat.personId()).orElseThrow(() -> new NotFound());
        Instant now = clock.instant();
        if (!allAccessWithin(caller.orgId(), person)) {
            audit.record(new AuditRecord(now, meta, "ADMIN_PASSWORD_RESET", "ADMIN", seat.adminId(),
                    AuditRecord.FAILURE + ":" + Reason.SHARED_ACCOUNT.code()));
            throw new Conflict(Reason.SHARED_ACCOUNT);
        }
        String temporary = passwords.next();
        if (!accounts.updatePassword(person.withPassword(hasher.hash(temporary), true), person.version())) {
            throw new Conflict(Reason.ACCOUNT_CHANGED_MEANWHILE);
        }
        sessions.deleteAll(person.personId(), null);
        audit.record(new AuditRecord(now, meta, "ADMIN_PASSWORD_RESET", "ADMIN", seat.adminId(), AuditRecord.SUCCESS));
        if (person.guard().lockedAt(now)) {
            audit.record(new AuditRecord(now, meta, "ACCOUNT_UNLOCK", "PERSON", person.personId(), AuditRecord.SUCCESS));
        }
        return temporary;
    }

    /** Every admin seat of the person, and their professional registration unless rejected, lie within {@code orgId}. */
    private boolean allAccessWithin(String orgId, Person person) {
        for (AdminMembership other : accounts.membershipsOf(person.personId())) {
            if (!tree.isWithin(orgId, other.orgId())) {
                return false;
            }
        }
        PersonRegistration reg = person.registration();
        return reg == null || reg.status() == RegistrationStatus.REJECTED || tree.isWithin(orgId, reg.orgId());
    }

    private Org subordinate(Actor caller, String orgId) {
        return orgs.get(orgId).filter(o -> caller.orgId() != null && caller.orgId().equals(o.parentOrgId()))
                .orElseThrow(() -> new NotFound());
    }
}
