package cn.hbce.emulator.sfn.intrinsics;

import cn.hbce.emulator.sfn.intrinsics.IntrinsicExpression.Call;
import cn.hbce.emulator.sfn.intrinsics.IntrinsicExpression.Literal;
import cn.hbce.emulator.sfn.intrinsics.IntrinsicExpression.PathReference;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code States.Xxx(arg, ...)} where an argument is a quoted string, number, boolean, null, path or call. */
public final class IntrinsicParser {

    private final String text;
    private int position;

    private IntrinsicParser(String text) {
        this.text = text;
    }

    public static boolean looksLikeCall(String text) {
        return text != null && text.startsWith("States.");
    }

    /** @throws IllegalArgumentException describing the syntax error */
    public static Call parse(String text) {
        IntrinsicParser parser = new IntrinsicParser(text.trim());
        Call call = parser.call();
        parser.skipSpaces();
        if (parser.position != parser.text.length()) {
            throw parser.error("unexpected text after the closing parenthesis");
        }
        IntrinsicFunctions.checkKnown(call);
        return call;
    }

    private Call call() {
        int start = position;
        while (position < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '.')) {
            position++;
        }
        String name = text.substring(start, position);
        skipSpaces();
        expect('(');
        List<IntrinsicExpression> arguments = new ArrayList<>();
        skipSpaces();
        if (peek() == ')') {
            position++;
            return new Call(name, List.copyOf(arguments));
        }
        while (true) {
            skipSpaces();
            arguments.add(argument());
            skipSpaces();
            char c = next();
            if (c == ')') {
                return new Call(name, List.copyOf(arguments));
            }
            if (c != ',') {
                throw error("expected ',' or ')'");
            }
        }
    }

    private IntrinsicExpression argument() {
        char c = peek();
        if (c == '\'') {
            return string();
        }
        if (c == '$') {
            return path();
        }
        if (text.startsWith("States.", position)) {
            return call();
        }
        int start = position;
        while (position < text.length() && peek() != ',' && peek() != ')' && !Character.isWhitespace(peek())) {
            position++;
        }
        String token = text.substring(start, position);
        switch (token) {
            case "true":
                return new Literal(BooleanNode.TRUE, token);
            case "false":
                return new Literal(BooleanNode.FALSE, token);
            case "null":
                return new Literal(NullNode.getInstance(), token);
            default:
                try {
                    BigDecimal number = new BigDecimal(token);
                    if (number.scale() <= 0 && token.indexOf('.') < 0 && token.indexOf('e') < 0
                            && token.indexOf('E') < 0) {
                        long value = number.longValueExact();
                        return new Literal(value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value),
                                token);
                    }
                    return new Literal(DecimalNode.valueOf(number), token);
                } catch (NumberFormatException | ArithmeticException e) {
                    throw error("unknown argument '" + token + "'");
                }
        }
    }

    private Literal string() {
        int start = position;
        position++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw error("unterminated string");
            }
            char c = next();
            if (c == '\\') {
                if (position >= text.length()) {
                    throw error("dangling escape");
                }
                value.append(next());
            } else if (c == '\'') {
                String raw = text.substring(start + 1, position - 1);
                return new Literal(TextNode.valueOf(value.toString()), raw);
            } else {
                value.append(c);
            }
        }
    }

    private PathReference path() {
        int start = position;
        int depth = 0;
        char quote = 0;
        while (position < text.length()) {
            char c = peek();
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                break;
            }
            position++;
        }
        return new PathReference(text.substring(start, position).trim());
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(peek())) {
            position++;
        }
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private char next() {
        if (position >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(position++);
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("Invalid intrinsic function '" + text + "' at position "
                + position + ": " + message);
    }
}
