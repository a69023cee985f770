package cn.hbce.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one way a person comes to exist: claim, write, give back on failure, undo on request. */
class PersonCreationTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);
    private static final PasswordHasher HASHER = new PasswordHasher();
    private static final String ID = "420106199001011234";

    /** Just the claim and the person of AccountRepository, in memory; any other call fails the test. */
    private static final class Accounts {
        final Map<String, String> claims = new HashMap<>();
        final Map<String, Person> people = new HashMap<>();
        RuntimeException failWrites;

        AccountRepository port() {
            return (AccountRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{AccountRepository.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "claimIdCard" -> claims.putIfAbsent((String) args[0], (String) args[1]) == null;
                        case "releaseIdCard" -> claims.remove((String) args[0], (String) args[1]) ? null : null;
                        case "createPerson" -> {
                            if (failWrites != null) {
                                throw failWrites;
                            }
                            Person p = (Person) args[0];
                            people.put(p.personId(), p);
                            yield null;
                        }
                        default -> throw new AssertionError("PersonCreation should not call " + method.getName());
                    });
        }
    }

    private static PersonCreation.NewPerson admin(boolean chosenByOther) {
        return new PersonCreation.NewPerson(ID, "张三", "13800138000", "Secret#2026x", null, chosenByOther);
    }

    @Test
    void claimsTheNumberThenWritesThePersonWithAHashedPassword() {
        Accounts accounts = new Accounts();
        PersonRegistration reg = new PersonRegistration("o_1", RegistrationStatus.PENDING, "工程", "中级");
        PersonCreation.Created created = new PersonCreation(accounts.port(), HASHER, CLOCK)
                .create(new PersonCreation.NewPerson(ID, "张三", "13800138000", "Secret#2026x", reg, false)).orElseThrow();
        assertEquals(created.personId(), accounts.claims.get(ID));
        Person p = accounts.people.get(created.personId());
        assertEquals(ID, p.idCard());
        assertSame(reg, p.registration());
        assertFalse(p.mustChangePassword(), "a password the person chose is not temporary");
        assertTrue(HASHER.matches("Secret#2026x", p.passwordHash()));
        assertEquals(CLOCK.instant(), p.createdAt());
        assertEquals(1, p.version());
    }

    @Test
    void aPasswordChosenBySomeoneElseMustBeChangedAtFirstLogin() {
        Accounts accounts = new Accounts();
        String id = new PersonCreation(accounts.port(), HASHER, CLOCK).create(admin(true)).orElseThrow().personId();
        assertTrue(accounts.people.get(id).mustChangePassword());
    }

    @Test
    void aNumberSomeoneHoldsCreatesNothing() {
        Accounts accounts = new Accounts();
        accounts.claims.put(ID, "p_other");
        assertEquals(Optional.empty(), new PersonCreation(accounts.port(), HASHER, CLOCK).create(admin(false)));
        assertEquals("p_other", accounts.claims.get(ID));
        assertTrue(accounts.people.isEmpty());
    }

    @Test
    void aPersonThatCannotBeWrittenGivesItsClaimBack() {
        Accounts accounts = new Accounts();
        accounts.failWrites = new IllegalStateException("table unavailable");
        PersonCreation people = new PersonCreation(accounts.port(), HASHER, CLOCK);
        assertSame(accounts.failWrites, assertThrows(IllegalStateException.class, () -> people.create(admin(false))));
        assertFalse(accounts.claims.containsKey(ID), "the number is free again");
    }

    @Test
    void undoFreesTheNumberForTheNextRegistration() {
        Accounts accounts = new Accounts();
        PersonCreation people = new PersonCreation(accounts.port(), HASHER, CLOCK);
        PersonCreation.Created first = people.create(admin(false)).orElseThrow();
        first.undo().run();
        assertFalse(accounts.claims.containsKey(ID));
        String second = people.create(admin(false)).orElseThrow().personId();
        assertEquals(second, accounts.claims.get(ID));
    }

    @Test
    void demoDataSharesOneHashPerPassword() {
        Accounts accounts = new Accounts();
        PersonCreation people = new PersonCreation(accounts.port(), HASHER, CLOCK).sharingHashesForDemoData();
        String a = people.create(admin(false)).orElseThrow().personId();
        String b = people.create(new PersonCreation.NewPerson("11010519491231002X", "李四", "13900139000", "Secret#2026x",
                null, false)).orElseThrow().personId();
        assertEquals(accounts.people.get(a).passwordHash(), accounts.people.get(b).passwordHash());
    }
}
