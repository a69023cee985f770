package cn.hbce.auth;

import cn.hbce.account.AccountRepository;
import cn.hbce.account.AttemptReservation;
import cn.hbce.account.LoginGuard;
import cn.hbce.account.PasswordHasher;
import cn.hbce.account.PasswordPolicy;
import cn.hbce.account.Person;
import cn.hbce.account.SessionStore;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.domain.Locked;
import cn.hbce.common.domain.Reason;
import cn.hbce.common.domain.StaleVersion;
import cn.hbce.common.domain.Unauthenticated;
import cn.hbce.org.Org;
import java.time.Clock;
import java.time.Instant;

/** The signed-in person's own account: profile, logout, password change. */
public final class AccountService {
    private final AccountRepository accounts;
    private final ProfileReader profiles;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    public AccountService(AccountRepository accounts, ProfileReader profiles, SessionStore sessions, PasswordHasher hasher,
                          AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.sessions = sessions;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    /** GET /v1/me: the only answer that shows the full ID number, to its owner. */
    public record Profile(String personId, String idCard, String name, String phone, String userType,
                          LoginOutcome.UserView user, Org org, boolean mustChangePassword,
                          String registrationStatus, String titleSeries, String titleLevel, String titleObtainedOn) {
    }

    /**
     * The profile with the full ID number: an unmasked view, so it is audited. Person and org come
     * in one read; the seat's super-admin flag and permissions are the ones the authorizer worked out
     * for this very request from the seat it had just read (an enabled seat, or no admin session).
     */
    public Profile me(Actor p, AuditContext meta) {
        ProfileReader.PersonAndOrg read = profiles.read(p.personId(), p.orgId());
        Person person = read.person().orElseThrow(() -> new Unauthenticated());
        audit.record(new AuditRecord(clock.instant(), meta, "VIEW_OWN_PROFILE", "PERSON", p.personId(), AuditRecord.SUCCESS));
        Org org = read.org().orElse(null);
        boolean admin = p.isAdmin();
        var user = new LoginOutcome.UserView(person.personId(), person.name(), p.userType(),
                org == null ? null : org.orgId(), org == null ? null : org.name(), admin && p.superAdmin(),
                admin ? p.permissions().stream().sorted().toList() : java.util.List.of());
        var reg = person.registration();
        return new Profile(person.personId(), person.idCard(), person.name(), person.phone(), p.userType(),
                user, org, person.mustChangePassword(),
                reg == null ? null : reg.status().name(), reg == null ? null : reg.titleSeries(),
                reg == null ? null : reg.titleLevel(), reg == null ? null : reg.titleObtainedOn());
    }

    public void logout(Actor p, AuditContext meta) {
        sessions.delete(p.personId(), p.sessionId());
        audit.record(new AuditRecord(clock.instant(), meta, "LOGOUT", "SESSION", p.sessionId(), AuditRecord.SUCCESS));
    }

    /** Changes the password and ends every other session of the person. */
    public void changePassword(Actor p, String oldPassword, String newPassword, AuditContext meta) {
        Person person = accounts.person(p.personId()).orElseThrow(() -> new Unauthenticated());
        Instant now = clock.instant();
        // Guesses through a stolen token count like failed logins: the same window, reserved before the check.
        AttemptReservation attempt = accounts.reserveLoginAttempt(p.personId(), now);
        if (!attempt.granted()) {
            sessions.deleteAll(p.personId(), null);
            throw attempt.refusedUntil() > 0 ? Locked.until(Instant.ofEpochSecond(attempt.refusedUntil())) : new Locked();
        }
        if (!hasher.matches(oldPassword, person.passwordHash())) {
            audit.record(new AuditRecord(now, meta, "PASSWORD_CHANGE", "PERSON", p.personId(), "FAILURE:WRONG_PASSWORD"));
            if (accounts.lockIfAttemptsUsed(p.personId(), attempt, now)) {
                sessions.deleteAll(p.personId(), null);
                audit.record(new AuditRecord(now, meta, "ACCOUNT_LOCK", "PERSON", p.personId(), AuditRecord.SUCCESS));
                throw Locked.until(Instant.ofEpochSecond(now.getEpochSecond()).plus(LoginGuard.LOCK));
            }
            throw new Invalid(Reason.WRONG_PASSWORD);
        }
        accounts.clearFailures(p.personId());
        if (!PasswordPolicy.acceptable(newPassword, person.idCard(), person.phone()) || newPassword.equals(oldPassword)) {
            throw new Invalid(Reason.WEAK_PASSWORD);
        }
        Person updated = person.withPassword(hasher.hash(newPassword), false);
        if (!accounts.updatePassword(updated, person.version())) {
            throw new StaleVersion();
        }
        sessions.deleteAll(p.personId(), p.sessionId());
        audit.record(new AuditRecord(clock.instant(), meta, "PASSWORD_CHANGE", "PERSON", p.personId(), AuditRecord.SUCCESS));
    }

}
