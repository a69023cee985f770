package cn.hbce.account;

/**
 * At least 8 characters (at most 64) from at least three of upper, lower, digit and symbol,
 * not containing the holder's ID number or phone, and not one of the common passwords that meet
 * those rules anyway ({@code common-passwords.txt}).
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 64;

    private PasswordPolicy() {
    }

    public static boolean acceptable(String password, String idCard, String phone) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return false;
        }
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean symbol = false;
        for (char c : password.toCharArray()) {
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                symbol = true;
            }
        }
        int classes = (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
        String lowered = password.toUpperCase(java.util.Locale.ROOT);
        boolean containsId = idCard != null && !idCard.isEmpty() && lowered.contains(idCard.toUpperCase(java.util.Locale.ROOT));
        boolean containsPhone = phone != null && !phone.isEmpty() && password.contains(phone);
        return classes >= 3 && !containsId && !containsPhone && !CommonPasswords.contains(password);
    }
}
