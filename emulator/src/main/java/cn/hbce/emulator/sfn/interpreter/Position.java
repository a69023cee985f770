package cn.hbce.emulator.sfn.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/**
 * An immutable copy of a {@link Checkpoint} and the checkpoints of its running branches, as saved.
 *
 * @param stateName     the current state, null before the first one is entered
 * @param retryAttempts retries made so far by each retrier of the current state
 * @param task          the current Task attempt, null when none is under way
 * @param timerDue      when the pending Wait or Retry timer fires, else null
 * @param branches      branch progress of the current Parallel or Map attempt, else null
 * @param finished      true once the last state has ended; its output is {@code output}
 */
public record Position(
        String stateName,
        JsonNode stateInput,
        Instant enteredTime,
        List<Integer> retryAttempts,
        Task task,
        Instant timerDue,
        Checkpoint.TimerKind timerKind,
        Branches branches,
        boolean finished,
        JsonNode output) {

    /**
     * A Task attempt that has been scheduled.
     *
     * @param token             the task token of a callback task, else null
     * @param submitted         the resource call returned (a callback task now waits for its token)
     * @param deadline          when TimeoutSeconds runs out; null for the default timeout
     * @param heartbeatDeadline when HeartbeatSeconds runs out, once submitted
     * @param result            the task's result once it succeeded, else null
     */
    public record Task(String token, boolean submitted, Instant deadline, Instant heartbeatDeadline, JsonNode result) {

        Task submittedWith(Instant heartbeat) {
            return new Task(token, true, deadline, heartbeat, null);
        }

        Task withHeartbeat(Instant heartbeat) {
            return new Task(token, submitted, deadline, heartbeat, null);
        }
    }

    /** Results of the finished branches (by index) and the positions of the running ones. */
    public record Branches(SortedMap<Integer, JsonNode> results, SortedMap<Integer, Branch> running) {
    }

    /** A running branch: the input it started with and where it stands. */
    public record Branch(JsonNode input, Position position) {
    }
}
