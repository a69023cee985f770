package cn.hbce.emulator.sfn.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;

/** A task waiting for SendTaskSuccess/Failure on its token. */
final class PendingTask {

    private final String executionArn;
    private final CompletableFuture<JsonNode> outcome = new CompletableFuture<>();
    private volatile Runnable heartbeatListener = () -> { };

    PendingTask(String executionArn) {
        this.executionArn = executionArn;
    }

    String executionArn() {
        return executionArn;
    }

    CompletableFuture<JsonNode> outcome() {
        return outcome;
    }

    void onHeartbeat(Runnable listener) {
        heartbeatListener = listener;
    }

    void heartbeat() {
        heartbeatListener.run();
    }
}
