package cn.hbce.emulator.sfn.interpreter;

import cn.hbce.emulator.sfn.definition.StateMachineDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One execution: identity, definition it runs, status, history and checkpoint. */
public final class Execution {

    /** The changing parts of an execution, read at one moment. */
    public record Snapshot(ExecutionStatus status, Instant stopDate, String output, String error, String cause,
            List<HistoryEvent> events, Position position) {
    }

    private final String arn;
    private final String name;
    private final String stateMachineArn;
    private final String stateMachineName;
    private final String roleArn;
    private final String definitionJson;
    private final StateMachineDefinition definition;
    private final JsonNode input;
    private final String inputText;
    private final Instant startDate;
    private final History history;
    private final Checkpoint checkpoint = new Checkpoint();
    private final ExecutionControl control = new ExecutionControl();
    private final CompletableFuture<ExecutionStatus> completion = new CompletableFuture<>();

    private ExecutionStatus status = ExecutionStatus.RUNNING;
    private Instant stopDate;
    private String output;
    private String error;
    private String cause;

    public Execution(String arn, String name, String stateMachineArn, String stateMachineName, String roleArn,
            String definitionJson, StateMachineDefinition definition, JsonNode input, String inputText,
            Instant startDate, History history) {
        this.arn = arn;
        this.name = name;
        this.stateMachineArn = stateMachineArn;
        this.stateMachineName = stateMachineName;
        this.roleArn = roleArn;
        this.definitionJson = definitionJson;
        this.definition = definition;
        this.input = input;
        this.inputText = inputText;
        this.startDate = startDate;
        this.history = history;
    }

    /** Records the end of the execution; returns false when it had already ended. */
    public synchronized boolean finish(ExecutionStatus finalStatus, Instant at, String outputJson, String errorName,
            String errorCause) {
        if (status != ExecutionStatus.RUNNING) {
            return false;
        }
        status = finalStatus;
        stopDate = at;
        output = outputJson;
        error = errorName;
        cause = errorCause;
        checkpoint.clearWaits();
        completion.complete(finalStatus);
        return true;
    }

    /** Status, history and checkpoint as they stand together (events always match the checkpoint). */
    public synchronized Snapshot snapshot() {
        return checkpoint.atomically(() -> new Snapshot(status, stopDate, output, error, cause, history.snapshot(),
                checkpoint.snapshot()));
    }

    /** Restores a finished execution read from disk. */
    public synchronized void restoreFinished(ExecutionStatus finalStatus, Instant at, String outputJson,
            String errorName, String errorCause) {
        finish(finalStatus, at, outputJson, errorName, errorCause);
    }

    public String arn() {
        return arn;
    }

    public String name() {
        return name;
    }

    public String stateMachineArn() {
        return stateMachineArn;
    }

    public String stateMachineName() {
        return stateMachineName;
    }

    public String roleArn() {
        return roleArn;
    }

    public String definitionJson() {
        return definitionJson;
    }

    public StateMachineDefinition definition() {
        return definition;
    }

    public JsonNode input() {
        return input;
    }

    public String inputText() {
        return inputText;
    }

    public Instant startDate() {
        return startDate;
    }

    public History history() {
        return history;
    }

    public Checkpoint checkpoint() {
        return checkpoint;
    }

    public ExecutionControl control() {
        return control;
    }

    public CompletableFuture<ExecutionStatus> completion() {
        return completion;
    }

    public synchronized ExecutionStatus status() {
        return status;
    }

    public synchronized Instant stopDate() {
        return stopDate;
    }

    public synchronized String output() {
        return output;
    }

    public synchronized String error() {
        return error;
    }

    public synchronized String cause() {
        return cause;
    }
}
