package cn.hbce.common.validation;

import java.util.Locale;
import java.util.Optional;

/** 统一社会信用代码 (GB 32100-2015): 18 characters of the code alphabet with its check character. */
public final class CreditCode {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String code = raw.trim().toUpperCase(Locale.ROOT);
        if (code.length() != 18) {
            return Optional.empty();
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                return Optional.empty();
            }
            sum += value * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        char expected = ALPHABET.charAt(check == 31 ? 0 : check);
        return code.charAt(17) == expected ? Optional.of(code) : Optional.empty();
    }
}
