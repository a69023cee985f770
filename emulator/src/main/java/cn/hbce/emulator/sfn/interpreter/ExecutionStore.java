package cn.hbce.emulator.sfn.interpreter;

import java.util.Collection;

/** Where an engine keeps its executions across restarts. */
@FunctionalInterface
public interface ExecutionStore {

    /** The execution changed (history, status or checkpoint); the store may save it later. */
    void changed(Execution execution);

    /** Saves these executions as they are now, with anything still pending; nothing is saved afterwards. */
    default void close(Collection<Execution> executions) {
    }
}
