package cn.hbce.emulator.sfn.definition;

import java.util.Map;

/** A parsed state machine (or a Parallel branch / Map processor, which have the same shape). */
public record StateMachineDefinition(String startAt, Map<String, State> states, Integer timeoutSeconds) {

    public State state(String name) {
        State state = states.get(name);
        if (state == null) {
            throw new IllegalStateException("No state named " + name);
        }
        return state;
    }
}
