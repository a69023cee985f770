package cn.hbce.testing;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Valid identifiers for tests, all different: 居民身份证号码 with their check character (born
 * 1980–1999 in Wuhan's Wuchang district), 统一社会信用代码 with theirs, and mobile numbers.
 */
public final class TestData {
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final AtomicInteger NEXT = new AtomicInteger(1);
    /** Meets the password policy: upper, lower, digit, symbol; contains no ID number or phone. */
    public static final String PASSWORD = "Aa1!Secure#2026";

    private TestData() {
    }

    public static String idCard() {
        return idCard(NEXT.getAndIncrement(), true);
    }

    /** A valid number for a woman (even 17th digit), or a man. */
    public static String idCard(int serial, boolean male) {
        int year = 1980 + serial % 20;
        int day = 1 + serial % 28;
        int sequence = (serial * 2 + (male ? 1 : 0)) % 1000;
        String body = "420106" + year + "05" + String.format("%02d", day) + String.format("%03d", sequence);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return body + ID_CHECK[sum % 11];
    }

    public static String creditCode() {
        String body = "91420100" + String.format("%09d", 100_000 + NEXT.getAndIncrement());
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CODE_ALPHABET.indexOf(body.charAt(i)) * CODE_WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return body + CODE_ALPHABET.charAt(check == 31 ? 0 : check);
    }

    public static String phone() {
        return "139" + String.format("%08d", NEXT.getAndIncrement());
    }
}
