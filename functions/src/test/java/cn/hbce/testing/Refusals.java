package cn.hbce.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import cn.hbce.auth.LoginOutcome;
import cn.hbce.common.domain.Refusal;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/**
 * The one place tests read how a service refused: services throw a domain {@link Refusal}, and a
 * test asserts the contract's code it maps to ({@code "SHARED_ACCOUNT"}, {@code "VERSION_CONFLICT"})
 * through here.
 */
public final class Refusals {
    private Refusals() {
    }

    /** How a request was refused: the contract's code, the fields it names, the user's message. */
    public record Refused(String code, List<String> fields, String reason) {
    }

    /** Runs {@code action}, which must be refused with {@code code}; returns the refusal for further checks. */
    public static Refused assertRefused(String code, Executable action) {
        return assertRefused(code, action, "");
    }

    public static Refused assertRefused(String code, Executable action, String why) {
        try {
            action.execute();
        } catch (Refusal e) {
            Refused r = new Refused(e.reason().code(), e.fields(), e.reason().name());
            assertEquals(code, r.code(), () -> why + " refused, but with " + r);
            return r;
        } catch (Throwable other) {
            fail(why + " expected a refusal with " + code + " but got " + other, other);
        }
        return fail(why + " expected a refusal with " + code + " but the action succeeded");
    }

    /** A login answered with {@code code} instead of a session. */
    public static void assertLoginRefused(String code, LoginOutcome outcome) {
        assertLoginRefused(code, outcome, "");
    }

    public static void assertLoginRefused(String code, LoginOutcome outcome, String why) {
        LoginOutcome.Refused refused = assertInstanceOf(LoginOutcome.Refused.class, outcome, () -> why + " not refused: " + outcome);
        assertEquals(code, refused.refusal().reason().code(), why);
    }
}
