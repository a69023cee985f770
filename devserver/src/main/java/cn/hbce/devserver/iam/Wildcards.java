package cn.hbce.devserver.iam;

/** IAM's wildcard match: {@code *} any run of characters, {@code ?} one; actions ignore case, resources do not. */
final class Wildcards {
    private Wildcards() {
    }

    static boolean matches(String pattern, String value, boolean ignoreCase) {
        if (ignoreCase) {
            return match(pattern.toLowerCase(java.util.Locale.ROOT), value.toLowerCase(java.util.Locale.ROOT));
        }
        return match(pattern, value);
    }

    /** Iterative glob with backtracking to the last star: linear for the patterns policies use. */
    private static boolean match(String p, String v) {
        int pi = 0;
        int vi = 0;
        int star = -1;
        int mark = 0;
        while (vi < v.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == v.charAt(vi))) {
                pi++;
                vi++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = vi;
            } else if (star >= 0) {
                pi = star + 1;
                vi = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
