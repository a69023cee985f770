package cn.hbce.emulator.sfn.definition;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The data-test operators of Choice rules. */
public enum ComparisonOperator {
    STRING_EQUALS("StringEquals", Kind.STRING),
    STRING_LESS_THAN("StringLessThan", Kind.STRING),
    STRING_GREATER_THAN("StringGreaterThan", Kind.STRING),
    STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING),
    STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING),
    STRING_MATCHES("StringMatches", Kind.STRING),
    NUMERIC_EQUALS("NumericEquals", Kind.NUMBER),
    NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMBER),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMBER),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMBER),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMBER),
    BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN),
    TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP),
    TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP),
    TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP),
    TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP),
    TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP),
    STRING_EQUALS_PATH("StringEqualsPath", Kind.STRING),
    STRING_LESS_THAN_PATH("StringLessThanPath", Kind.STRING),
    STRING_GREATER_THAN_PATH("StringGreaterThanPath", Kind.STRING),
    STRING_LESS_THAN_EQUALS_PATH("StringLessThanEqualsPath", Kind.STRING),
    STRING_GREATER_THAN_EQUALS_PATH("StringGreaterThanEqualsPath", Kind.STRING),
    NUMERIC_EQUALS_PATH("NumericEqualsPath", Kind.NUMBER),
    NUMERIC_LESS_THAN_PATH("NumericLessThanPath", Kind.NUMBER),
    NUMERIC_GREATER_THAN_PATH("NumericGreaterThanPath", Kind.NUMBER),
    NUMERIC_LESS_THAN_EQUALS_PATH("NumericLessThanEqualsPath", Kind.NUMBER),
    NUMERIC_GREATER_THAN_EQUALS_PATH("NumericGreaterThanEqualsPath", Kind.NUMBER),
    BOOLEAN_EQUALS_PATH("BooleanEqualsPath", Kind.BOOLEAN),
    TIMESTAMP_EQUALS_PATH("TimestampEqualsPath", Kind.TIMESTAMP),
    TIMESTAMP_LESS_THAN_PATH("TimestampLessThanPath", Kind.TIMESTAMP),
    TIMESTAMP_GREATER_THAN_PATH("TimestampGreaterThanPath", Kind.TIMESTAMP),
    TIMESTAMP_LESS_THAN_EQUALS_PATH("TimestampLessThanEqualsPath", Kind.TIMESTAMP),
    TIMESTAMP_GREATER_THAN_EQUALS_PATH("TimestampGreaterThanEqualsPath", Kind.TIMESTAMP),
    IS_NULL("IsNull", Kind.TYPE_TEST),
    IS_PRESENT("IsPresent", Kind.TYPE_TEST),
    IS_NUMERIC("IsNumeric", Kind.TYPE_TEST),
    IS_STRING("IsString", Kind.TYPE_TEST),
    IS_BOOLEAN("IsBoolean", Kind.TYPE_TEST),
    IS_TIMESTAMP("IsTimestamp", Kind.TYPE_TEST);

    /** What the operator compares. */
    public enum Kind { STRING, NUMBER, BOOLEAN, TIMESTAMP, TYPE_TEST }

    private static final Map<String, ComparisonOperator> BY_FIELD = Arrays.stream(values())
            .collect(Collectors.toMap(ComparisonOperator::fieldName, Function.identity()));

    private final String fieldName;
    private final Kind kind;

    ComparisonOperator(String fieldName, Kind kind) {
        this.fieldName = fieldName;
        this.kind = kind;
    }

    public static Optional<ComparisonOperator> forField(String field) {
        return Optional.ofNullable(BY_FIELD.get(field));
    }

    public String fieldName() {
        return fieldName;
    }

    public Kind kind() {
        return kind;
    }

    public boolean comparesWithPath() {
        return fieldName.endsWith("Path");
    }

    /** The comparison without its Path suffix, e.g. NUMERIC_LESS_THAN for NUMERIC_LESS_THAN_PATH. */
    public ComparisonOperator literalForm() {
        return comparesWithPath() ? BY_FIELD.get(fieldName.substring(0, fieldName.length() - 4)) : this;
    }
}
