package cn.hbce.auth;

import cn.hbce.account.AccountRepository;
import cn.hbce.account.AdminMembership;
import cn.hbce.account.AttemptReservation;
import cn.hbce.account.LoginSourceLimiter;
import cn.hbce.account.PasswordHasher;
import cn.hbce.account.Person;
import cn.hbce.account.PersonRegistration;
import cn.hbce.account.Session;
import cn.hbce.account.SessionStore;
import cn.hbce.common.Ids;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.domain.Locked;
import cn.hbce.common.domain.Reason;
import cn.hbce.common.domain.Refusal;
import cn.hbce.common.validation.IdCard;
import cn.hbce.org.Org;
import cn.hbce.org.OrgRepository;
import cn.hbce.org.OrgStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 登录: user type + ID number + password. Unknown users and wrong passwords get the same answer
 * and take the same time; five failures in 15 minutes lock the account for 30, twenty failures from
 * one source address in 15 minutes stop that address (429).
 */
public final class LoginService {
    public static final String PERSON = "PERSON";
    private final AccountRepository accounts;
    private final LoginSourceLimiter sources;
    private final OrgRepository orgs;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final TokenCodec tokens;
    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration tokenLifetime;

    public LoginService(AccountRepository accounts, LoginSourceLimiter sources, OrgRepository orgs, SessionStore sessions, PasswordHasher hasher,
                        TokenCodec tokens, Caller caller, AuditLog audit, Clock clock, Duration tokenLifetime) {
        this.accounts = accounts;
        this.sources = sources;
        this.orgs = orgs;
        this.sessions = sessions;
        this.hasher = hasher;
        this.tokens = tokens;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
    }

    public record Command(String userType, String idCard, String password, String orgId) {
    }

    /**
     * The order matters: the source address's budget is taken first (once spent, 429 before the
     * account is even looked at), then a place in the account's window (423 while locked or full),
     * and only then is the password hashed. A correct password gives both places back.
     */
    public LoginOutcome login(Command cmd, AuditContext meta) {
        Instant now = clock.instant();
        AttemptReservation source = sources.reserve(meta.sourceIp(), now);
        if (!source.granted()) {
            return refuse(Reason.TOO_MANY_ATTEMPTS, meta, "-", now);
        }
        Optional<Person> found = IdCard.normalize(cmd.idCard(), now.atZone(ZoneOffset.ofHours(8)).toLocalDate())
                .flatMap(accounts::personIdForIdCard)
                .flatMap(accounts::person);
        if (found.isEmpty()) {
            hasher.matchesNothing(cmd.password());
            return refuse(Reason.INVALID_CREDENTIALS, meta, "-", now);
        }
        Person person = found.get();
        AuditContext as = meta.asActor(person.personId(), null);
        AttemptReservation attempt = accounts.reserveLoginAttempt(person.personId(), now);
        if (!attempt.granted()) {
            // The answer says until when, so the login page can show it.
            return refuse(attempt.refusedUntil() > 0 ? Locked.until(Instant.ofEpochSecond(attempt.refusedUntil()))
                    : Refusal.of(Reason.ACCOUNT_LOCKED), as, person.personId(), now);
        }
        if (attempt.endedLock()) {
            audit.record(new AuditRecord(now, as, "ACCOUNT_UNLOCK", "PERSON", person.personId(), AuditRecord.SUCCESS));
        }
        if (!hasher.matches(cmd.password(), person.passwordHash())) {
            if (accounts.lockIfAttemptsUsed(person.personId(), attempt, now)) {
                audit.record(new AuditRecord(now, as, "ACCOUNT_LOCK", "PERSON", person.personId(), AuditRecord.SUCCESS));
            }
            return refuse(Reason.INVALID_CREDENTIALS, as, person.personId(), now);
        }
        accounts.clearFailures(person.personId());
        sources.release(meta.sourceIp(), source);
        if (hasher.needsRehash(person.passwordHash())) {
            accounts.replacePasswordHash(person.personId(), person.passwordHash(), hasher.hash(cmd.password()));
        }
        if (person.disabled()) {
            return refuse(Reason.ACCOUNT_DISABLED, as, person.personId(), now);
        }
        return PERSON.equals(cmd.userType())
                ? signInAsPerson(person, as, now)
                : signInAsAdmin(person, cmd, as, now);
    }

    private LoginOutcome signInAsPerson(Person person, AuditContext meta, Instant now) {
        PersonRegistration reg = person.registration();
        if (reg == null) {
            return refuse(Reason.INVALID_CREDENTIALS, meta, person.personId(), now);
        }
        switch (reg.status()) {
            case PENDING:
                return refuse(Reason.ACCOUNT_PENDING, meta, person.personId(), now);
            case REJECTED:
                return refuse(Reason.ACCOUNT_REJECTED, meta, person.personId(), now);
            default:
                break;
        }
        Org org = orgs.get(reg.orgId()).orElse(null);
        return open(person, PERSON, org, null, meta, now);
    }

    private LoginOutcome signInAsAdmin(Person person, Command cmd, AuditContext meta, Instant now) {
        List<AdminMembership> seats = accounts.membershipsOf(person.personId()).stream()
                .filter(m -> m.orgType().equals(cmd.userType()))
                .filter(m -> cmd.orgId() == null || m.orgId().equals(cmd.orgId()))
                .toList();
        // Several orgs of this type: a seat that is not disabled first (disabling one seat blocks only
        // that org), then an approved org, one under review, a rejected one last.
        Optional<Map.Entry<AdminMembership, Org>> chosen = seats.stream()
                .flatMap(m -> orgs.get(m.orgId()).map(o -> Map.entry(m, o)).stream())
                .min(Comparator.comparing((Map.Entry<AdminMembership, Org> e) -> e.getKey().disabled())
                        .thenComparingInt(e -> loginPreference(e.getValue().status()))
                        .thenComparing(e -> e.getKey().orgId()));
        if (chosen.isEmpty()) {
            return refuse(Reason.INVALID_CREDENTIALS, meta, person.personId(), now);
        }
        AdminMembership m = chosen.get().getKey();
        AuditContext inOrg = meta.asActor(person.personId(), m.orgId());
        if (m.disabled()) {
            return refuse(Reason.ACCOUNT_DISABLED, inOrg, person.personId(), now);
        }
        Optional<Org> org = Optional.of(chosen.get().getValue());
        if (org.get().status() == OrgStatus.REJECTED) {
            return refuse(Reason.ACCOUNT_REJECTED, inOrg, person.personId(), now);
        }
        return open(person, cmd.userType(), org.get(), m, inOrg, now);
    }

    private static int loginPreference(OrgStatus status) {
        return switch (status) {
            case APPROVED -> 0;
            case PENDING -> 1;
            case REJECTED -> 2;
        };
    }

    private LoginOutcome open(Person person, String userType, Org org, AdminMembership m, AuditContext meta, Instant now) {
        Instant expires = now.plus(tokenLifetime);
        Session session = new Session(person.personId(), Ids.newId("s"), userType,
                org == null ? null : org.orgId(), m == null ? null : m.adminId(), now, expires, now);
        sessions.create(session);
        String token = tokens.sign(new TokenClaims(person.personId(), session.sessionId(),
                session.orgId(), session.adminId(), now, expires));
        audit.record(new AuditRecord(now, meta, "LOGIN", "PERSON", person.personId(), AuditRecord.SUCCESS));
        return new LoginOutcome.SignedIn(token, expires, caller.view(person, userType, org, m), person.mustChangePassword());
    }

    private LoginOutcome refuse(Reason reason, AuditContext meta, String personId, Instant now) {
        return refuse(Refusal.of(reason), meta, personId, now);
    }

    private LoginOutcome refuse(Refusal refusal, AuditContext meta, String personId, Instant now) {
        audit.record(new AuditRecord(now, meta, "LOGIN", "PERSON", personId, AuditRecord.FAILURE + ":" + refusal.reason().code()));
        return new LoginOutcome.Refused(refusal);
    }
}
