package cn.hbce.emulator.sfn.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A Boolean expression of a Choice state. */
public sealed interface ChoiceRule {

    record And(List<ChoiceRule> rules) implements ChoiceRule {
    }

    record Or(List<ChoiceRule> rules) implements ChoiceRule {
    }

    record Not(ChoiceRule rule) implements ChoiceRule {
    }

    /**
     * {@code Variable} compared with an operator such as StringEquals. For the *Path operators
     * {@code operand} is the path text; for the Is* tests it is the expected boolean.
     */
    record Comparison(String variable, ComparisonOperator operator, JsonNode operand) implements ChoiceRule {
    }
}
