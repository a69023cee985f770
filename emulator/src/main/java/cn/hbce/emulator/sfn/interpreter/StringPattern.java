package cn.hbce.emulator.sfn.interpreter;

/** StringMatches: {@code *} matches any run of characters; {@code \*} and {@code \\} are literal. */
final class StringPattern {

    private StringPattern() {
    }

    static boolean matches(String pattern, String text) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                literal.append(pattern.charAt(++i));
            } else if (c == '*') {
                flush(regex, literal);
                regex.append(".*");
            } else {
                literal.append(c);
            }
        }
        flush(regex, literal);
        return text.matches("(?s)" + regex);
    }

    private static void flush(StringBuilder regex, StringBuilder literal) {
        if (literal.length() > 0) {
            regex.append(java.util.regex.Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }
}
