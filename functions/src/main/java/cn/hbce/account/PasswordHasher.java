package cn.hbce.account;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 at OWASP's current work factor (600,000 iterations) with a 16-byte salt per
 * password, stored as {@code pbkdf2-sha256$iterations$salt$hash}. Hashes written with fewer
 * iterations (210,000 before) still verify; {@link #needsRehash} tells the login to store a new one.
 * A stored value that cannot be parsed never matches: a broken record locks its owner out rather
 * than failing the request or letting anyone in.
 */
public final class PasswordHasher {
    public static final int ITERATIONS = 600_000;
    /** Above this a stored record is treated as corrupt: it would only cost CPU. */
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final String PREFIX = "pbkdf2-sha256";
    private final SecureRandom random = new SecureRandom();
    private final int iterations;
    private final String decoy;
    /**
     * Verified against when the account does not exist, so unknown users take as long as known ones.
     * A fixed hash of a discarded random password: computing one at start-up would slow every cold start.
     */
    private static final String DECOY =
            "pbkdf2-sha256$600000$MVuxzRHEuM7UmuCpcnx+YQ$DaJiwa5lVl0WaogqNi8nRrxPqDn9FokYmRXObxtwggk";

    public PasswordHasher() {
        this.iterations = ITERATIONS;
        this.decoy = DECOY;
    }

    /**
     * A hasher writing {@code iterations} rounds, for the service unit tests only (package-private:
     * production code outside this package cannot build a weaker one). Its decoy is hashed with the
     * same count, so unknown users still cost what known ones do.
     */
    PasswordHasher(int iterations) {
        if (iterations < 1 || iterations > ITERATIONS) {
            throw new IllegalArgumentException("1.." + ITERATIONS + " iterations");
        }
        this.iterations = iterations;
        this.decoy = iterations == ITERATIONS ? DECOY : hash(Long.toString(random.nextLong()));
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] derived = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derived);
    }

    public boolean matches(String password, String stored) {
        Parsed parsed = Parsed.of(stored);
        if (parsed == null || password == null) {
            return false;
        }
        byte[] actual = derive(password, parsed.salt(), parsed.iterations());
        return MessageDigest.isEqual(parsed.hash(), actual);
    }

    /** True when {@code stored} is valid but weaker than what {@link #hash} writes today. */
    public boolean needsRehash(String stored) {
        Parsed parsed = Parsed.of(stored);
        return parsed != null && parsed.iterations() < iterations;
    }

    /** Spends the same work as a real check; always false. */
    public boolean matchesNothing(String password) {
        matches(password == null ? "" : password, decoy);
        return false;
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
        static Parsed of(String stored) {
            String[] parts = stored == null ? new String[0] : stored.split("\\$", -1);
            if (parts.length != 4 || !PREFIX.equals(parts[0])) {
                return null;
            }
            try {
                int iterations = Integer.parseInt(parts[1]);
                Base64.Decoder b64 = Base64.getDecoder();
                byte[] salt = b64.decode(parts[2]);
                byte[] hash = b64.decode(parts[3]);
                if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length == 0 || hash.length * 8 != HASH_BITS) {
                    return null;
                }
                return new Parsed(iterations, salt, hash);
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }
}
