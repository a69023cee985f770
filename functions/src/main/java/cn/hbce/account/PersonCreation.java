package cn.hbce.account;

import cn.hbce.common.Ids;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The one way a person comes to exist, whoever creates them: a professional registering, the
 * first admin of an org registering it, a super admin adding a new user as admin, the bootstrap.
 * Without transactions the uniqueness of the ID number is held by its claim item
 * ({@code IDCARD#number / CLAIM}), so the order is always: claim the ID number → write the person.
 * A claim someone holds means "already registered" (each caller answers with its own reason);
 * a person that cannot be written gives its claim back at once; and what was created comes with
 * its {@link Created#undo()}, for callers whose later steps fail (docs/data-model.md, Write order).
 * The undo frees the ID number; the person item it leaves behind is unreachable (nothing points
 * at it and the next registration of that number gets a new person id).
 */
public final class PersonCreation {
    private final AccountRepository accounts;
    private final UnaryOperator<String> hash;
    private final Clock clock;

    public PersonCreation(AccountRepository accounts, PasswordHasher hasher, Clock clock) {
        this(accounts, hasher::hash, clock);
    }

    private PersonCreation(AccountRepository accounts, UnaryOperator<String> hash, Clock clock) {
        this.accounts = accounts;
        this.hash = hash;
        this.clock = clock;
    }

    /**
     * For demo and test data only: people given the same password share one hash (and salt), which
     * saves a slow hash per person. Never for real accounts.
     */
    public PersonCreation sharingHashesForDemoData() {
        Map<String, String> shared = new ConcurrentHashMap<>();
        return new PersonCreation(accounts, password -> shared.computeIfAbsent(password, hash), clock);
    }

    /**
     * A person to create, with validated data. {@code registration} is the professional
     * registration (null for people who are only admins). {@code passwordChosenByOther}: someone
     * else chose the password (a super admin for a new admin, whoever deployed for the root), so
     * the person must change it at first login.
     */
    public record NewPerson(String idCard, String name, String phone, String password,
                            PersonRegistration registration, boolean passwordChosenByOther) {
        @Override
        public String toString() {
            return "NewPerson[registration=" + registration + ", passwordChosenByOther=" + passwordChosenByOther + "]";
        }
    }

    /** A person just created, and how to take it back (free the ID number) if a later step of the caller fails. */
    public record Created(String personId, Runnable undo) {
    }

    /** Claims the ID number and writes the person; empty (nothing written) when someone holds the number. */
    public Optional<Created> create(NewPerson p) {
        String personId = Ids.newId("p");
        if (!accounts.claimIdCard(p.idCard(), personId)) {
            return Optional.empty();
        }
        Runnable undo = () -> accounts.releaseIdCard(p.idCard(), personId);
        try {
            write(personId, p);
        } catch (RuntimeException failure) {
            undo.run();
            throw failure;
        }
        return Optional.of(new Created(personId, undo));
    }

    /**
     * Writes the person of a claim already held by {@code personId} whose person was never written
     * (an interrupted bootstrap run finished by the next one). The claim stays whatever happens.
     */
    public void createUnderHeldClaim(String personId, NewPerson p) {
        write(personId, p);
    }

    private void write(String personId, NewPerson p) {
        accounts.createPerson(new Person(personId, p.idCard(), p.name(), p.phone(), hash.apply(p.password()),
                p.registration(), false, p.passwordChosenByOther(), LoginGuard.CLEAR, 1, clock.instant()));
    }
}
