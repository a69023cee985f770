package cn.hbce.emulator.sfn.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Arrays;

/**
 * Where a top-level execution stands, enough to continue it after a restart: the current state and
 * its input, retry counters, and what it is waiting for (a task token or a timer).
 */
public final class Checkpoint {

    /** What kind of timer a pending {@link #timerDue()} belongs to. */
    public enum TimerKind { WAIT, RETRY }

    private String stateName;
    private JsonNode stateInput;
    private Instant enteredTime;
    private int[] retryAttempts = new int[0];
    private String taskToken;
    private JsonNode submittedOutput;
    private Instant taskDeadline;
    private Instant heartbeatDeadline;
    private Instant timerDue;
    private TimerKind timerKind;

    public synchronized void enter(String state, JsonNode input, Instant entered) {
        stateName = state;
        stateInput = input;
        enteredTime = entered;
        retryAttempts = new int[0];
        clearWaits();
    }

    public synchronized void retrying(int[] attempts, Instant due) {
        retryAttempts = attempts.clone();
        taskToken = null;
        taskDeadline = null;
        heartbeatDeadline = null;
        timerDue = due;
        timerKind = TimerKind.RETRY;
    }

    public synchronized void waitingForToken(String token, Instant deadline, Instant heartbeat) {
        taskToken = token;
        taskDeadline = deadline;
        heartbeatDeadline = heartbeat;
    }

    public synchronized void heartbeat(Instant newHeartbeatDeadline) {
        heartbeatDeadline = newHeartbeatDeadline;
    }

    public synchronized void waitingUntil(Instant due) {
        timerDue = due;
        timerKind = TimerKind.WAIT;
    }

    public synchronized void clearWaits() {
        taskToken = null;
        submittedOutput = null;
        taskDeadline = null;
        heartbeatDeadline = null;
        timerDue = null;
        timerKind = null;
    }

    public synchronized void restore(String state, JsonNode input, Instant entered, int[] attempts, String token,
            Instant deadline, Instant heartbeat, Instant due, TimerKind kind) {
        stateName = state;
        stateInput = input;
        enteredTime = entered;
        retryAttempts = attempts == null ? new int[0] : attempts.clone();
        taskToken = token;
        taskDeadline = deadline;
        heartbeatDeadline = heartbeat;
        timerDue = due;
        timerKind = kind;
    }

    public synchronized String stateName() {
        return stateName;
    }

    public synchronized JsonNode stateInput() {
        return stateInput;
    }

    public synchronized Instant enteredTime() {
        return enteredTime;
    }

    public synchronized int[] retryAttempts() {
        return Arrays.copyOf(retryAttempts, retryAttempts.length);
    }

    public synchronized String taskToken() {
        return taskToken;
    }

    public synchronized Instant taskDeadline() {
        return taskDeadline;
    }

    public synchronized Instant heartbeatDeadline() {
        return heartbeatDeadline;
    }

    public synchronized Instant timerDue() {
        return timerDue;
    }

    public synchronized TimerKind timerKind() {
        return timerKind;
    }
}
