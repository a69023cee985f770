package cn.hbce.emulator.sfn.definition;

import java.util.List;

/** A Choice state; defaultNext is null when there is no Default. */
public record ChoiceState(String name, IoPaths io, List<Branch> choices, String defaultNext) implements State {

    /** A top-level choice rule and the state it leads to. */
    public record Branch(ChoiceRule rule, String next) {
    }

    @Override
    public String type() {
        return "Choice";
    }
}
