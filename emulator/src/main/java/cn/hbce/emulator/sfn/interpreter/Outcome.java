package cn.hbce.emulator.sfn.interpreter;

import com.fasterxml.jackson.databind.JsonNode;

/** The result of running one state: its output and the next state, or null at the end. */
record Outcome(JsonNode output, String next) {

    boolean ends() {
        return next == null;
    }
}
