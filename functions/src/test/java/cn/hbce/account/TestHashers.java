package cn.hbce.account;

/**
 * Password hashers for unit tests: the production algorithm and format with few iterations, so a
 * hash costs microseconds instead of a third of a second. Only reachable from tests (the
 * constructor is package-private); production always hashes with {@link PasswordHasher#ITERATIONS}.
 */
public final class TestHashers {
    public static final int FAST_ITERATIONS = 1_000;

    private TestHashers() {
    }

    public static PasswordHasher fast() {
        return new PasswordHasher(FAST_ITERATIONS);
    }

    /** A hasher of another work factor, e.g. to write the "old" hashes a login should upgrade. */
    public static PasswordHasher withIterations(int iterations) {
        return new PasswordHasher(iterations);
    }
}
