package cn.hbce.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void verifiesTheRightPasswordOnlyAndSaltsEachHash() {
        String a = hasher.hash("Right@Pass1");
        String b = hasher.hash("Right@Pass1");
        assertNotEquals(a, b);
        assertTrue(a.startsWith("pbkdf2-sha256$210000$"));
        assertTrue(hasher.matches("Right@Pass1", a));
        assertFalse(hasher.matches("Wrong@Pass1", a));
        assertFalse(hasher.matches("Right@Pass1", "plain-text"));
        assertFalse(hasher.matchesNothing("Right@Pass1"));
    }
}
