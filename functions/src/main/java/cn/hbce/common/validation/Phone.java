package cn.hbce.common.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/** Mainland mobile numbers: 11 digits starting 1[3-9]. */
public final class Phone {
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private Phone() {
    }

    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String phone = raw.trim();
        return MOBILE.matcher(phone).matches() ? Optional.of(phone) : Optional.empty();
    }

    /** {@code 138****5678}. */
    public static String mask(String phone) {
        if (phone == null || phone.length() < 7) {
            return "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
