package cn.hbce.emulator.sfn.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** A Pass state; {@code result} is null when the effective input is passed through. */
public record PassState(String name, Transition transition, IoPaths io, ResultHandling resultHandling, JsonNode result)
        implements State {

    @Override
    public String type() {
        return "Pass";
    }
}
