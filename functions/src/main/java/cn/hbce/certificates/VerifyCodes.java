package cn.hbce.certificates;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The code printed on a certificate for public verification: 12 characters drawn with SecureRandom
 * from 29 that cannot be mistaken for one another when typed from paper (no 0/O, 1/I/L, U/V), so
 * about 58 bits: not derived from the number or the ID, and not guessable by walking the numbers.
 */
public final class VerifyCodes {
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";
    public static final int LENGTH = 12;
    private static final Pattern SHAPE = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private VerifyCodes() {
    }

    public static String next() {
        char[] out = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(out);
    }

    /** Whether {@code code} could be one of ours (checked before any read: anything else is simply unknown). */
    public static boolean plausible(String code) {
        return code != null && SHAPE.matcher(code).matches();
    }
}
