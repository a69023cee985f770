package cn.hbce.emulator.sfn.interpreter;

import cn.hbce.emulator.sfn.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The context object ({@code $$}) of one state attempt, built only when a path asks for it.
 */
public final class StateContext implements Supplier<JsonNode> {

    private final Execution execution;
    private final String stateName;
    private final Instant enteredTime;
    private final int retryCount;
    private final String taskToken;
    private final JsonNode mapItem;
    private ObjectNode node;

    public StateContext(Execution execution, String stateName, Instant enteredTime, int retryCount, String taskToken,
            JsonNode mapItem) {
        this.execution = execution;
        this.stateName = stateName;
        this.enteredTime = enteredTime;
        this.retryCount = retryCount;
        this.taskToken = taskToken;
        this.mapItem = mapItem;
    }

    public StateContext withMapItem(int index, JsonNode value) {
        ObjectNode item = Json.object();
        item.put("Index", index);
        item.set("Value", value);
        return new StateContext(execution, stateName, enteredTime, retryCount, taskToken, item);
    }

    @Override
    public synchronized JsonNode get() {
        if (node == null) {
            node = build();
        }
        return node;
    }

    private ObjectNode build() {
        ObjectNode context = Json.object();
        ObjectNode executionNode = context.putObject("Execution");
        executionNode.put("Id", execution.arn());
        executionNode.set("Input", execution.input());
        executionNode.put("Name", execution.name());
        executionNode.put("RoleArn", execution.roleArn());
        executionNode.put("StartTime", Timestamps.format(execution.startDate()));
        executionNode.put("RedriveCount", 0);
        ObjectNode state = context.putObject("State");
        state.put("EnteredTime", Timestamps.format(enteredTime));
        state.put("Name", stateName);
        state.put("RetryCount", retryCount);
        ObjectNode machine = context.putObject("StateMachine");
        machine.put("Id", execution.stateMachineArn());
        machine.put("Name", execution.stateMachineName());
        if (taskToken != null) {
            context.putObject("Task").put("Token", taskToken);
        }
        if (mapItem != null) {
            context.putObject("Map").set("Item", mapItem);
        }
        return context;
    }
}
