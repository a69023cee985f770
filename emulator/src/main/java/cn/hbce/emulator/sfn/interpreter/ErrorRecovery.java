package cn.hbce.emulator.sfn.interpreter;

import cn.hbce.emulator.sfn.definition.Catcher;
import cn.hbce.emulator.sfn.definition.ErrorHandling;
import cn.hbce.emulator.sfn.definition.Retrier;
import cn.hbce.emulator.sfn.errors.ErrorNames;
import cn.hbce.emulator.sfn.errors.StatesError;
import cn.hbce.emulator.sfn.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/** Retry and Catch around the attempts of a Task, Parallel or Map state. */
final class ErrorRecovery {

    /** One try of the state's work, returning its raw result. */
    interface Attempt {
        /**
         * @param retryCount retries made so far ($$.State.RetryCount)
         * @param resume     continue the attempt the checkpoint was saved in (after a restart)
         */
        JsonNode run(int retryCount, boolean resume);
    }

    private final EngineServices services;

    ErrorRecovery(EngineServices services) {
        this.services = services;
    }

    /**
     * Runs attempts until one succeeds or no retrier applies, then turns the result into the
     * state output with {@code finish}, or an error into a Catch transition.
     */
    Outcome run(ErrorHandling handling, String next, JsonNode rawInput, Scope scope, Attempt attempt,
            UnaryOperator<JsonNode> finish) {
        Checkpoint checkpoint = scope.checkpoint();
        int[] attempts = new int[handling.retriers().size()];
        boolean resume = scope.resuming();
        if (resume) {
            int[] saved = checkpoint.retryAttempts();
            System.arraycopy(saved, 0, attempts, 0, Math.min(saved.length, attempts.length));
            if (checkpoint.timerKind() == Checkpoint.TimerKind.RETRY && checkpoint.timerDue() != null) {
                Timers.sleepUntil(services, scope, checkpoint.timerDue());
                resume = false;
            }
        }
        JsonNode result;
        while (true) {
            try {
                result = attempt.run(Arrays.stream(attempts).sum(), resume);
                break;
            } catch (StatesError error) {
                resume = false;
                int retrier = matching(handling, error);
                if (retrier < 0 || attempts[retrier] >= handling.retriers().get(retrier).maxAttempts()) {
                    return caught(handling, error, rawInput);
                }
                Retrier policy = handling.retriers().get(retrier);
                Instant due = services.now().plus(RetryPolicy.delay(policy, attempts[retrier]));
                attempts[retrier]++;
                checkpoint.retrying(attempts, due);
                scope.persist(services);
                Timers.sleepUntil(services, scope, due);
            }
        }
        try {
            return new Outcome(finish.apply(result), next);
        } catch (StatesError error) {
            return caught(handling, error, rawInput);
        }
    }

    private static int matching(ErrorHandling handling, StatesError error) {
        if (ErrorNames.isTerminal(error.error())) {
            return -1;
        }
        for (int i = 0; i < handling.retriers().size(); i++) {
            if (handling.retriers().get(i).errorEquals().stream().anyMatch(p -> ErrorNames.matches(p, error.error()))) {
                return i;
            }
        }
        return -1;
    }

    private static Outcome caught(ErrorHandling handling, StatesError error, JsonNode rawInput) {
        for (Catcher catcher : handling.catchers()) {
            if (catcher.errorEquals().stream().anyMatch(p -> ErrorNames.matches(p, error.error()))) {
                ObjectNode errorOutput = Json.object();
                errorOutput.put("Error", error.error());
                if (error.cause() != null) {
                    errorOutput.put("Cause", error.cause());
                }
                return new Outcome(DataFlow.placeResult(catcher.resultPath(), rawInput, errorOutput), catcher.next());
            }
        }
        throw error;
    }
}
