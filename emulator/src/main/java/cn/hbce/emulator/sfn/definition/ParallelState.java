package cn.hbce.emulator.sfn.definition;

import java.util.List;

/** A Parallel state. */
public record ParallelState(
        String name,
        Transition transition,
        IoPaths io,
        ResultHandling result,
        ErrorHandling errors,
        List<StateMachineDefinition> branches) implements State {

    @Override
    public String type() {
        return "Parallel";
    }
}
