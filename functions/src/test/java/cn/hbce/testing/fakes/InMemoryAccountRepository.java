package cn.hbce.testing.fakes;

import cn.hbce.account.AccountRepository;
import cn.hbce.account.AdminMembership;
import cn.hbce.account.AttemptReservation;
import cn.hbce.account.LoginGuard;
import cn.hbce.account.Person;
import cn.hbce.account.PersonRegistration;
import cn.hbce.account.RegistrationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link AccountRepository} over the {@link FakeTable}, with the conditions of
 * {@code DynamoAccountRepository}: an ID-number claim is taken only when free or rejected and
 * released only by its holder; registration moves only from PENDING; a password is stored only at
 * the expected version (or over the expected hash); login attempts go through the same window.
 * Kept honest by {@code AccountRepositoryContract}, which runs against both.
 */
public final class InMemoryAccountRepository implements AccountRepository {
    private final FakeTable t;

    public InMemoryAccountRepository(FakeTable table) {
        this.t = table;
    }

    @Override
    public Optional<String> personIdForIdCard(String idCard) {
        synchronized (t.lock) {
            return Optional.ofNullable(t.idClaims.get(idCard)).map(FakeTable.IdClaim::personId);
        }
    }

    @Override
    public Optional<Person> person(String personId) {
        synchronized (t.lock) {
            return Optional.ofNullable(t.people.get(personId));
        }
    }

    @Override
    public boolean claimIdCard(String idCard, String personId) {
        t.faults.check("AccountRepository.claimIdCard");
        synchronized (t.lock) {
            FakeTable.IdClaim held = t.idClaims.get(idCard);
            if (held != null && !held.rejected()) {
                return false;
            }
            t.idClaims.put(idCard, new FakeTable.IdClaim(personId, false));
            return true;
        }
    }

    @Override
    public void markClaimRejected(String idCard, String personId) {
        synchronized (t.lock) {
            FakeTable.IdClaim held = t.idClaims.get(idCard);
            if (held != null && held.personId().equals(personId)) {
                t.idClaims.put(idCard, new FakeTable.IdClaim(personId, true));
            }
        }
    }

    @Override
    public boolean decideRegistration(String personId, RegistrationStatus outcome) {
        synchronized (t.lock) {
            Person p = t.people.get(personId);
            if (p == null || p.registration() == null || p.registration().status() != RegistrationStatus.PENDING) {
                return false;
            }
            PersonRegistration r = p.registration();
            t.people.put(personId, new Person(p.personId(), p.idCard(), p.name(), p.phone(), p.passwordHash(),
                    new PersonRegistration(r.orgId(), outcome, r.titleSeries(), r.titleLevel(), r.gender(), r.education(),
                            r.major()),
                    p.disabled(), p.mustChangePassword(), p.guard(), p.version(), p.createdAt()));
            return true;
        }
    }

    @Override
    public void releaseIdCard(String idCard, String personId) {
        synchronized (t.lock) {
            FakeTable.IdClaim held = t.idClaims.get(idCard);
            if (held != null && held.personId().equals(personId)) {
                t.idClaims.remove(idCard);
            }
        }
    }

    @Override
    public void createPerson(Person person) {
        t.faults.check("AccountRepository.createPerson");
        synchronized (t.lock) {
            if (t.people.containsKey(person.personId())) {
                throw FakeTable.conditionFailed("person " + person.personId() + " exists");
            }
            t.people.put(person.personId(), person);
        }
    }

    @Override
    public AttemptReservation reserveLoginAttempt(String personId, Instant now) {
        synchronized (t.lock) {
            Person p = t.people.get(personId);
            if (p == null) {
                return AttemptReservation.REFUSED;
            }
            AttemptWindow.Reserved r = AttemptWindow.reserve(p.guard(), now, LoginGuard.MAX_FAILURES, LoginGuard.WINDOW);
            t.people.put(personId, withGuard(p, r.after()));
            return r.reservation();
        }
    }

    @Override
    public boolean lockIfAttemptsUsed(String personId, AttemptReservation reserved, Instant now) {
        synchronized (t.lock) {
            Person p = t.people.get(personId);
            LoginGuard locked = p == null ? null
                    : AttemptWindow.lockIfFull(p.guard(), reserved, now, LoginGuard.MAX_FAILURES, LoginGuard.LOCK);
            if (locked == null) {
                return false;
            }
            t.people.put(personId, withGuard(p, locked));
            return true;
        }
    }

    @Override
    public void clearFailures(String personId) {
        synchronized (t.lock) {
            Person p = t.people.get(personId);
            if (p != null) {
                t.people.put(personId, withGuard(p, LoginGuard.CLEAR));
            }
        }
    }

    @Override
    public boolean replacePasswordHash(String personId, String oldHash, String newHash) {
        synchronized (t.lock) {
            Person p = t.people.get(personId);
            if (p == null || !p.passwordHash().equals(oldHash)) {
                return false;
            }
            t.people.put(personId, new Person(p.personId(), p.idCard(), p.name(), p.phone(), newHash, p.registration(),
                    p.disabled(), p.mustChangePassword(), p.guard(), p.version(), p.createdAt()));
            return true;
        }
    }

    @Override
    public boolean updatePassword(Person updated, long expectedVersion) {
        t.faults.check("AccountRepository.updatePassword");
        synchronized (t.lock) {
            Person p = t.people.get(updated.personId());
            if (p == null || p.version() != expectedVersion) {
                return false;
            }
            t.people.put(p.personId(), new Person(p.personId(), p.idCard(), p.name(), p.phone(), updated.passwordHash(),
                    p.registration(), p.disabled(), updated.mustChangePassword(), LoginGuard.CLEAR, updated.version(),
                    p.createdAt()));
            return true;
        }
    }

    @Override
    public List<AdminMembership> membershipsOf(String personId) {
        synchronized (t.lock) {
            List<AdminMembership> out = new ArrayList<>();
            t.pointers.getOrDefault(personId, new TreeMap<>()).forEach((orgId, pointer) ->
                    seatRow(orgId, pointer.adminId()).ifPresent(row -> out.add(row.seat())));
            return out;
        }
    }

    @Override
    public Optional<AdminMembership> membership(String orgId, String adminId) {
        synchronized (t.lock) {
            return seatRow(orgId, adminId).map(FakeTable.SeatRow::seat);
        }
    }

    @Override
    public void createMembership(AdminMembership m) {
        t.faults.check("AccountRepository.createMembership");
        synchronized (t.lock) {
            TreeMap<String, FakeTable.SeatRow> ofOrg = t.seats.computeIfAbsent(m.orgId(), k -> new TreeMap<>());
            if (ofOrg.containsKey(m.adminId())) {
                throw FakeTable.conditionFailed("seat " + m.adminId() + " exists");
            }
            ofOrg.put(m.adminId(), new FakeTable.SeatRow(m, null, null));
            // The pointer is put without condition and without createdAt, as the adapter writes it.
            t.pointers.computeIfAbsent(m.personId(), k -> new TreeMap<>())
                    .put(m.orgId(), new FakeTable.PointerRow(m.adminId(), m.orgType(), null));
        }
    }

    private Optional<FakeTable.SeatRow> seatRow(String orgId, String adminId) {
        return Optional.ofNullable(t.seats.getOrDefault(orgId, new TreeMap<>()).get(adminId));
    }

    private static Person withGuard(Person p, LoginGuard g) {
        return new Person(p.personId(), p.idCard(), p.name(), p.phone(), p.passwordHash(), p.registration(), p.disabled(),
                p.mustChangePassword(), g, p.version(), p.createdAt());
    }

    /** Test setup: a person's account disabled (no service writes this flag today). */
    public void disablePerson(String personId) {
        synchronized (t.lock) {
            Person p = t.people.get(personId);
            t.people.put(personId, new Person(p.personId(), p.idCard(), p.name(), p.phone(), p.passwordHash(),
                    p.registration(), true, p.mustChangePassword(), p.guard(), p.version(), p.createdAt()));
        }
    }
}
