package cn.hbce.common;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Opaque identifiers: a short type prefix and 20 random base-32 characters (100 bits). */
public final class Ids {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * What any id of ours can look like (generated ones, the seeded {@code o_hubei_hrss}, test
     * fixtures' readable ones): letters, digits, '_' and '-', at most 100 characters. Anything else
     * names nothing, so it can be answered as missing before it reaches a key (DynamoDB refuses
     * keys over 1 KB / 2 KB with an error, and '#' would reach into other items' key space).
     */
    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private Ids() {
    }

    public static String newId(String prefix) {
        char[] out = new char[20];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return prefix + "_" + new String(out);
    }

    /** Whether {@code id} could be an id of ours at all (see {@link #PLAUSIBLE}); false for null. */
    public static boolean plausible(String id) {
        return id != null && PLAUSIBLE.matcher(id).matches();
    }
}
