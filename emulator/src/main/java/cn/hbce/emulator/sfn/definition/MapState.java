package cn.hbce.emulator.sfn.definition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An inline Map state. {@code itemSelector} comes from ItemSelector or the older Parameters field;
 * maxConcurrency 0 means no limit beyond the engine's own.
 */
public record MapState(
        String name,
        Transition transition,
        IoPaths io,
        ResultHandling result,
        ErrorHandling errors,
        StateMachineDefinition processor,
        String itemsPath,
        JsonNode itemSelector,
        int maxConcurrency,
        String maxConcurrencyPath) implements State {

    @Override
    public String type() {
        return "Map";
    }
}
