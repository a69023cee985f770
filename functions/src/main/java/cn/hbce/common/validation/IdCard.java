package cn.hbce.common.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/** 居民身份证号码 (GB 11643-1999): 17 digits, a real birth date not in the future, and the check character. */
public final class IdCard {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdCard() {
    }

    /** The number in its stored form (upper-case X) if valid on {@code today}. */
    public static Optional<String> normalize(String raw, LocalDate today) {
        if (raw == null) {
            return Optional.empty();
        }
        String id = raw.trim().toUpperCase(Locale.ROOT);
        if (id.length() != 18) {
            return Optional.empty();
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        if (id.charAt(17) != CHECK[sum % 11] || !validBirthDate(id.substring(6, 14), today)) {
            return Optional.empty();
        }
        return Optional.of(id);
    }

    private static boolean validBirthDate(String yyyymmdd, LocalDate today) {
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)),
                    Integer.parseInt(yyyymmdd.substring(4, 6)), Integer.parseInt(yyyymmdd.substring(6, 8)));
            return !birth.isAfter(today) && birth.getYear() >= 1900;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** {@code 4201**********1234}: area prefix and last four only. */
    public static String mask(String id) {
        if (id == null || id.length() < 8) {
            return "****";
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }
}
