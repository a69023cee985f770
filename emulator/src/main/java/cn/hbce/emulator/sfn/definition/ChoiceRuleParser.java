package cn.hbce.emulator.sfn.definition;

import cn.hbce.emulator.sfn.definition.ChoiceRule.And;
import cn.hbce.emulator.sfn.definition.ChoiceRule.Comparison;
import cn.hbce.emulator.sfn.definition.ChoiceRule.Not;
import cn.hbce.emulator.sfn.definition.ChoiceRule.Or;
import cn.hbce.emulator.sfn.definition.ComparisonOperator.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses the rules of a Choice state's Choices field. */
final class ChoiceRuleParser {

    private static final Set<String> STRUCTURAL_FIELDS = Set.of("Variable", "Next", "Comment", "And", "Or", "Not");

    private final Problems problems;

    ChoiceRuleParser(Problems problems) {
        this.problems = problems;
    }

    ChoiceState.Branch parseTopLevel(JsonNode node, String pointer) {
        FieldReader fields = new FieldReader(node, pointer, problems);
        String next = fields.requiredString("Next");
        return new ChoiceState.Branch(parseRule(node, pointer, true), next);
    }

    private ChoiceRule parseRule(JsonNode node, String pointer, boolean topLevel) {
        if (!node.isObject()) {
            problems.add(Problems.SCHEMA, "A choice rule must be an object", pointer);
            return null;
        }
        if (!topLevel && node.has("Next")) {
            problems.add(Problems.SCHEMA, "Nested choice rules cannot have 'Next'", pointer + "/Next");
        }
        if (node.has("Assign")) {
            problems.unsupported("Assign (variables)", pointer + "/Assign");
        }
        if (node.has("Condition")) {
            problems.unsupported("Condition (JSONata)", pointer + "/Condition");
        }
        if (node.has("And")) {
            return new And(parseList(node.get("And"), pointer + "/And"));
        }
        if (node.has("Or")) {
            return new Or(parseList(node.get("Or"), pointer + "/Or"));
        }
        if (node.has("Not")) {
            return new Not(parseRule(node.get("Not"), pointer + "/Not", false));
        }
        return parseComparison(node, pointer);
    }

    private List<ChoiceRule> parseList(JsonNode array, String pointer) {
        List<ChoiceRule> rules = new ArrayList<>();
        if (!array.isArray() || array.isEmpty()) {
            problems.add(Problems.SCHEMA, "And/Or must be a non-empty array", pointer);
            return rules;
        }
        for (int i = 0; i < array.size(); i++) {
            rules.add(parseRule(array.get(i), pointer + "/" + i, false));
        }
        return rules;
    }

    private Comparison parseComparison(JsonNode node, String pointer) {
        FieldReader fields = new FieldReader(node, pointer, problems);
        String variable = fields.requiredString("Variable");
        if (variable != null) {
            fields.checkPath(variable, fields.at("Variable"));
        }
        ComparisonOperator operator = null;
        JsonNode operand = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (STRUCTURAL_FIELDS.contains(field.getKey()) || field.getKey().equals("Assign")) {
                continue;
            }
            var known = ComparisonOperator.forField(field.getKey());
            if (known.isEmpty()) {
                problems.add(Problems.SCHEMA, "The field '" + field.getKey() + "' is not a supported comparison",
                        fields.at(field.getKey()));
            } else if (operator != null) {
                problems.add(Problems.SCHEMA, "A choice rule must have exactly one comparison operator",
                        fields.at(field.getKey()));
            } else {
                operator = known.get();
                operand = field.getValue();
                checkOperand(operator, operand, fields);
            }
        }
        if (operator == null) {
            problems.add(Problems.SCHEMA, "A choice rule needs a comparison operator, And, Or or Not", pointer);
        }
        return new Comparison(variable, operator, operand);
    }

    private void checkOperand(ComparisonOperator operator, JsonNode operand, FieldReader fields) {
        String location = fields.at(operator.fieldName());
        if (operator.comparesWithPath()) {
            if (!operand.isTextual()) {
                problems.add(Problems.SCHEMA, operator.fieldName() + " must be a path", location);
            } else {
                fields.checkPath(operand.textValue(), location);
            }
            return;
        }
        boolean valid = switch (operator.kind()) {
            case STRING -> operand.isTextual();
            case NUMBER -> operand.isNumber();
            case BOOLEAN, TYPE_TEST -> operand.isBoolean();
            case TIMESTAMP -> operand.isTextual() && FieldReader.isTimestamp(operand.textValue());
        };
        if (!valid) {
            String expected = operator.kind() == Kind.TYPE_TEST ? "boolean"
                    : operator.kind().name().toLowerCase(java.util.Locale.ROOT);
            problems.add(Problems.SCHEMA, operator.fieldName() + " must be a " + expected, location);
        }
    }
}
