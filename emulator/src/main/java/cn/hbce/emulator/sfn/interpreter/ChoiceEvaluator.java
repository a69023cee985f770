package cn.hbce.emulator.sfn.interpreter;

import cn.hbce.emulator.sfn.definition.ChoiceRule;
import cn.hbce.emulator.sfn.definition.ChoiceRule.And;
import cn.hbce.emulator.sfn.definition.ChoiceRule.Comparison;
import cn.hbce.emulator.sfn.definition.ChoiceRule.Not;
import cn.hbce.emulator.sfn.definition.ChoiceRule.Or;
import cn.hbce.emulator.sfn.definition.ChoiceState;
import cn.hbce.emulator.sfn.definition.ComparisonOperator;
import cn.hbce.emulator.sfn.errors.ErrorNames;
import cn.hbce.emulator.sfn.errors.StatesError;
import cn.hbce.emulator.sfn.json.Json;
import cn.hbce.emulator.sfn.json.JsonPaths;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/** Picks the next state of a Choice state. */
final class ChoiceEvaluator {

    private ChoiceEvaluator() {
    }

    static String next(ChoiceState state, JsonNode input, Supplier<JsonNode> context) {
        for (ChoiceState.Branch branch : state.choices()) {
            if (matches(branch.rule(), input, context)) {
                return branch.next();
            }
        }
        if (state.defaultNext() != null) {
            return state.defaultNext();
        }
        throw new StatesError(ErrorNames.NO_CHOICE_MATCHED, "No Choice Rule matched and no Default is given in state '"
                + state.name() + "' for input " + Json.write(input));
    }

    static boolean matches(ChoiceRule rule, JsonNode input, Supplier<JsonNode> context) {
        if (rule instanceof And and) {
            return and.rules().stream().allMatch(r -> matches(r, input, context));
        }
        if (rule instanceof Or or) {
            return or.rules().stream().anyMatch(r -> matches(r, input, context));
        }
        if (rule instanceof Not not) {
            return !matches(not.rule(), input, context);
        }
        return compare((Comparison) rule, input, context);
    }

    private static boolean compare(Comparison comparison, JsonNode input, Supplier<JsonNode> context) {
        ComparisonOperator operator = comparison.operator();
        String variable = comparison.variable();
        JsonNode contextNode = JsonPaths.isContextPath(variable) ? context.get() : null;
        if (operator == ComparisonOperator.IS_PRESENT) {
            return JsonPaths.isPresent(variable, input, contextNode) == comparison.operand().booleanValue();
        }
        JsonNode value = JsonPaths.read(variable, input, contextNode);
        if (operator.kind() == ComparisonOperator.Kind.TYPE_TEST) {
            return typeTest(operator, value) == comparison.operand().booleanValue();
        }
        JsonNode operand = comparison.operand();
        if (operator.comparesWithPath()) {
            String path = operand.textValue();
            operand = JsonPaths.read(path, input, JsonPaths.isContextPath(path) ? context.get() : null);
        }
        return compareValues(operator.literalForm(), value, operand);
    }

    private static boolean typeTest(ComparisonOperator operator, JsonNode value) {
        return switch (operator) {
            case IS_NULL -> value.isNull();
            case IS_NUMERIC -> value.isNumber();
            case IS_STRING -> value.isTextual();
            case IS_BOOLEAN -> value.isBoolean();
            case IS_TIMESTAMP -> value.isTextual() && timestamp(value.textValue()) != null;
            default -> throw new IllegalStateException(operator.name());
        };
    }

    /** Values of the wrong type never match, as the specification requires. */
    private static boolean compareValues(ComparisonOperator operator, JsonNode value, JsonNode operand) {
        switch (operator.kind()) {
            case STRING: {
                if (!value.isTextual() || !operand.isTextual()) {
                    return false;
                }
                if (operator == ComparisonOperator.STRING_MATCHES) {
                    return StringPattern.matches(operand.textValue(), value.textValue());
                }
                return ordered(operator, value.textValue().compareTo(operand.textValue()));
            }
            case NUMBER:
                if (!value.isNumber() || !operand.isNumber()) {
                    return false;
                }
                return ordered(operator, value.decimalValue().compareTo(operand.decimalValue()));
            case BOOLEAN:
                return value.isBoolean() && operand.isBoolean() && value.booleanValue() == operand.booleanValue();
            case TIMESTAMP: {
                Instant left = value.isTextual() ? timestamp(value.textValue()) : null;
                Instant right = operand.isTextual() ? timestamp(operand.textValue()) : null;
                return left != null && right != null && ordered(operator, left.compareTo(right));
            }
            default:
                throw new IllegalStateException(operator.name());
        }
    }

    private static boolean ordered(ComparisonOperator operator, int comparison) {
        String name = operator.fieldName();
        if (name.endsWith("LessThanEquals")) {
            return comparison <= 0;
        }
        if (name.endsWith("GreaterThanEquals")) {
            return comparison >= 0;
        }
        if (name.endsWith("LessThan")) {
            return comparison < 0;
        }
        if (name.endsWith("GreaterThan")) {
            return comparison > 0;
        }
        return comparison == 0;
    }

    static Instant timestamp(String text) {
        if (text.indexOf('T') < 0) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
