package cn.hbce.emulator.sfn.definition;

import java.util.List;

/** A definition that breaks the States language rules or uses a feature this service does not run. */
public class InvalidDefinitionException extends Exception {

    private final List<String> problems;

    public InvalidDefinitionException(List<String> problems) {
        super("Invalid State Machine Definition: '" + String.join(", ", problems) + "'");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
