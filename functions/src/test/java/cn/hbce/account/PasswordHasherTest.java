package cn.hbce.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    /** A hash written before the work factor was raised (210,000 iterations) for "Right@Pass1". */
    private static final String OLD_HASH = legacyHash();
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void verifiesTheRightPasswordOnlyAndSaltsEachHash() {
        String a = hasher.hash("Right@Pass1");
        String b = hasher.hash("Right@Pass1");
        assertNotEquals(a, b);
        assertTrue(a.startsWith("pbkdf2-sha256$600000$"), a);
        assertTrue(hasher.matches("Right@Pass1", a));
        assertFalse(hasher.matches("Wrong@Pass1", a));
        assertFalse(hasher.matchesNothing("Right@Pass1"));
        assertFalse(hasher.needsRehash(a));
    }

    @Test
    void olderHashesStillVerifyAndAskForARehash() {
        assertTrue(hasher.matches("Right@Pass1", OLD_HASH));
        assertFalse(hasher.matches("Wrong@Pass1", OLD_HASH));
        assertTrue(hasher.needsRehash(OLD_HASH));
    }

    @Test
    void malformedStoredHashesNeverMatchAndNeverThrow() {
        for (String broken : new String[] {null, "", "plain-text", "pbkdf2-sha256$abc$AAAA$AAAA",
                "pbkdf2-sha256$210000$!!!$AAAA", "pbkdf2-sha256$0$AAAAAAAAAAAAAAAAAAAAAA$AAAA",
                "pbkdf2-sha256$999999999$AAAAAAAAAAAAAAAAAAAAAA$DaJiwa5lVl0WaogqNi8nRrxPqDn9FokYmRXObxtwggk",
                "pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA$short", "md5$1$2$3", "pbkdf2-sha256$1$2$3$4"}) {
            assertFalse(hasher.matches("Right@Pass1", broken), String.valueOf(broken));
            assertFalse(hasher.needsRehash(broken), String.valueOf(broken));
        }
    }

    private static String legacyHash() {
        try {
            byte[] salt = new byte[16];
            var spec = new javax.crypto.spec.PBEKeySpec("Right@Pass1".toCharArray(), salt, 210_000, 256);
            byte[] hash = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            var b64 = java.util.Base64.getEncoder().withoutPadding();
            return "pbkdf2-sha256$210000$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
