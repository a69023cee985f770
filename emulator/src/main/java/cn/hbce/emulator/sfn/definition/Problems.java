package cn.hbce.emulator.sfn.definition;

import java.util.ArrayList;
import java.util.List;

/** Collects definition problems in the "CODE: message at /pointer" form AWS uses. */
final class Problems {

    static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";
    static final String UNSUPPORTED = "UNSUPPORTED_FEATURE";
    static final String MISSING_TARGET = "MISSING_TRANSITION_TARGET";
    static final String INVALID_PATH = "INVALID_JSON_PATH";
    static final String INVALID_REFERENCE_PATH = "INVALID_REFERENCE_PATH";
    static final String UNREACHABLE = "UNREACHABLE_STATE";
    static final String DUPLICATE = "DUPLICATE_STATE_NAME";

    private final List<String> messages = new ArrayList<>();

    void add(String code, String message, String pointer) {
        messages.add(code + ": " + message + " at " + (pointer.isEmpty() ? "/" : pointer));
    }

    void unsupported(String feature, String pointer) {
        add(UNSUPPORTED, feature + " is not supported by this local Step Functions service", pointer);
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    List<String> messages() {
        return messages;
    }
}
