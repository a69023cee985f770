package cn.hbce.emulator.sfn.api;

import static cn.hbce.emulator.sfn.api.Requests.optional;
import static cn.hbce.emulator.sfn.api.Requests.required;
import static cn.hbce.emulator.sfn.api.Requests.timestamp;

import cn.hbce.emulator.sfn.errors.ServiceError;
import cn.hbce.emulator.sfn.interpreter.Execution;
import cn.hbce.emulator.sfn.interpreter.ExecutionEngine;
import cn.hbce.emulator.sfn.interpreter.ExecutionStatus;
import cn.hbce.emulator.sfn.interpreter.History;
import cn.hbce.emulator.sfn.interpreter.HistoryEvent;
import cn.hbce.emulator.sfn.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** The actions of the Step Functions JSON API, request and response as JSON objects. */
public final class StepFunctionsApi {

    private final StateMachineRegistry machines;
    private final ExecutionEngine engine;
    private final Arns arns;
    private final Map<String, Function<JsonNode, ObjectNode>> actions = Map.ofEntries(
            Map.entry("CreateStateMachine", this::createStateMachine),
            Map.entry("UpdateStateMachine", this::updateStateMachine),
            Map.entry("DescribeStateMachine", this::describeStateMachine),
            Map.entry("DescribeStateMachineForExecution", this::describeStateMachineForExecution),
            Map.entry("ListStateMachines", this::listStateMachines),
            Map.entry("DeleteStateMachine", this::deleteStateMachine),
            Map.entry("StartExecution", this::startExecution),
            Map.entry("DescribeExecution", this::describeExecution),
            Map.entry("ListExecutions", this::listExecutions),
            Map.entry("GetExecutionHistory", this::getExecutionHistory),
            Map.entry("StopExecution", this::stopExecution),
            Map.entry("SendTaskSuccess", this::sendTaskSuccess),
            Map.entry("SendTaskFailure", this::sendTaskFailure),
            Map.entry("SendTaskHeartbeat", this::sendTaskHeartbeat));

    public StepFunctionsApi(StateMachineRegistry machines, ExecutionEngine engine, Arns arns) {
        this.machines = machines;
        this.engine = engine;
        this.arns = arns;
    }

    /** @throws ServiceError with the AWS error type for every client error */
    public ObjectNode handle(String action, JsonNode request) {
        Function<JsonNode, ObjectNode> handler = actions.get(action);
        if (handler == null) {
            throw new ServiceError("UnknownOperationException", "The action " + action
                    + " is not supported by this local Step Functions service");
        }
        return handler.apply(request == null || request.isNull() ? Json.object() : request);
    }

    private ObjectNode createStateMachine(JsonNode request) {
        String name = required(request, "name");
        Names.check(name, "State machine");
        String definition = required(request, "definition");
        String roleArn = required(request, "roleArn");
        String type = request.hasNonNull("type") ? request.get("type").asText() : "STANDARD";
        if (!type.equals("STANDARD") && !type.equals("EXPRESS")) {
            throw new ServiceError("ValidationException", "Value '" + type + "' at 'type' must be STANDARD or EXPRESS");
        }
        StateMachine machine = machines.create(arns.stateMachine(name), name, type, roleArn, definition, engine.now());
        ObjectNode response = Json.object();
        response.put("stateMachineArn", machine.arn());
        response.put("creationDate", timestamp(machine.creationDate()));
        return response;
    }

    private ObjectNode updateStateMachine(JsonNode request) {
        String arn = required(request, "stateMachineArn");
        String definition = optional(request, "definition");
        String roleArn = optional(request, "roleArn");
        if (definition == null && roleArn == null && !request.has("loggingConfiguration")
                && !request.has("tracingConfiguration")) {
            throw new ServiceError("MissingRequiredParameter", "Either the definition, the roleArn, the"
                    + " loggingConfiguration or the tracingConfiguration must be specified");
        }
        StateMachine machine = machines.update(arn, definition, roleArn);
        ObjectNode response = Json.object();
        response.put("updateDate", timestamp(engine.now()));
        response.put("revisionId", machine.revisionId());
        return response;
    }

    private ObjectNode describeStateMachine(JsonNode request) {
        return describe(machines.get(required(request, "stateMachineArn")));
    }

    private ObjectNode describeStateMachineForExecution(JsonNode request) {
        Execution execution = execution(required(request, "executionArn"));
        ObjectNode response = Json.object();
        response.put("stateMachineArn", execution.stateMachineArn());
        response.put("name", execution.stateMachineName());
        response.put("definition", execution.definitionJson());
        response.put("roleArn", execution.roleArn());
        response.put("updateDate", timestamp(execution.startDate()));
        response.putObject("loggingConfiguration").put("level", "OFF").put("includeExecutionData", false);
        response.putObject("tracingConfiguration").put("enabled", false);
        return response;
    }

    private static ObjectNode describe(StateMachine machine) {
        ObjectNode response = Json.object();
        response.put("stateMachineArn", machine.arn());
        response.put("name", machine.name());
        response.put("status", "ACTIVE");
        response.put("definition", machine.definitionText());
        response.put("roleArn", machine.roleArn());
        response.put("type", machine.type());
        response.put("creationDate", timestamp(machine.creationDate()));
        response.putObject("loggingConfiguration").put("level", "OFF").put("includeExecutionData", false);
        response.putObject("tracingConfiguration").put("enabled", false);
        response.put("revisionId", machine.revisionId());
        return response;
    }

    private ObjectNode listStateMachines(JsonNode request) {
        Requests.Page<StateMachine> page = Requests.page(machines.list(), request, 100);
        ObjectNode response = Json.object();
        ArrayNode list = response.putArray("stateMachines");
        for (StateMachine machine : page.items()) {
            ObjectNode item = list.addObject();
            item.put("stateMachineArn", machine.arn());
            item.put("name", machine.name());
            item.put("type", machine.type());
            item.put("creationDate", timestamp(machine.creationDate()));
        }
        response.put("nextToken", page.nextToken());
        return response;
    }

    private ObjectNode deleteStateMachine(JsonNode request) {
        String arn = required(request, "stateMachineArn");
        Arns.checkStateMachineArn(arn);
        machines.delete(arn);
        return Json.object();
    }

    private ObjectNode startExecution(JsonNode request) {
        StateMachine machine = machines.get(required(request, "stateMachineArn"));
        String name = request.hasNonNull("name") ? request.get("name").asText() : UUID.randomUUID().toString();
        Names.check(name, "Execution");
        String inputText = request.hasNonNull("input") ? request.get("input").asText() : "{}";
        JsonNode input;
        try {
            input = Json.parse(inputText);
        } catch (JsonProcessingException e) {
            throw new ServiceError("InvalidExecutionInput", "Invalid State Machine Execution Input: '"
                    + e.getOriginalMessage() + "'");
        }
        if (input == null) {
            throw new ServiceError("InvalidExecutionInput", "Invalid State Machine Execution Input: 'empty input'");
        }
        String arn = arns.execution(machine.name(), name);
        Execution execution;
        synchronized (this) {
            Execution existing = engine.find(arn).orElse(null);
            if (existing != null) {
                if (existing.status() == ExecutionStatus.RUNNING && existing.inputText().equals(inputText)) {
                    return started(existing);
                }
                throw new ServiceError("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
            }
            execution = new Execution(arn, name, machine.arn(), machine.name(), machine.roleArn(),
                    machine.definitionText(), machine.definition(), input, inputText, engine.now(),
                    new History(engine.scheduler().clock(), List.of()));
            engine.start(execution);
        }
        return started(execution);
    }

    private static ObjectNode started(Execution execution) {
        ObjectNode response = Json.object();
        response.put("executionArn", execution.arn());
        response.put("startDate", timestamp(execution.startDate()));
        return response;
    }

    private ObjectNode describeExecution(JsonNode request) {
        Execution execution = execution(required(request, "executionArn"));
        ObjectNode response = summary(execution);
        response.put("input", execution.inputText());
        response.putObject("inputDetails").put("included", true);
        if (execution.output() != null) {
            response.put("output", execution.output());
            response.putObject("outputDetails").put("included", true);
        }
        if (execution.error() != null) {
            response.put("error", execution.error());
        }
        if (execution.cause() != null) {
            response.put("cause", execution.cause());
        }
        response.put("redriveCount", 0);
        response.put("redriveStatus", "NOT_REDRIVABLE");
        return response;
    }

    private static ObjectNode summary(Execution execution) {
        ObjectNode item = Json.object();
        item.put("executionArn", execution.arn());
        item.put("stateMachineArn", execution.stateMachineArn());
        item.put("name", execution.name());
        item.put("status", execution.status().name());
        item.put("startDate", timestamp(execution.startDate()));
        if (execution.stopDate() != null) {
            item.put("stopDate", timestamp(execution.stopDate()));
        }
        return item;
    }

    private ObjectNode listExecutions(JsonNode request) {
        String machineArn = required(request, "stateMachineArn");
        machines.get(machineArn);
        String statusFilter = optional(request, "statusFilter");
        if (statusFilter != null && !statusFilter.equals("PENDING_REDRIVE")) {
            try {
                ExecutionStatus.valueOf(statusFilter);
            } catch (IllegalArgumentException e) {
                throw new ServiceError("ValidationException", "Value '" + statusFilter
                        + "' at 'statusFilter' failed to satisfy constraint");
            }
        }
        List<Execution> matching = new ArrayList<>();
        for (Execution execution : engine.executions()) {
            if (execution.stateMachineArn().equals(machineArn)
                    && (statusFilter == null || execution.status().name().equals(statusFilter))) {
                matching.add(execution);
            }
        }
        matching.sort(Comparator.comparing(Execution::startDate).thenComparing(Execution::name).reversed());
        Requests.Page<Execution> page = Requests.page(matching, request, 100);
        ObjectNode response = Json.object();
        ArrayNode list = response.putArray("executions");
        page.items().forEach(execution -> list.add(summary(execution)));
        response.put("nextToken", page.nextToken());
        return response;
    }

    private ObjectNode getExecutionHistory(JsonNode request) {
        Execution execution = execution(required(request, "executionArn"));
        List<HistoryEvent> events = new ArrayList<>(execution.history().snapshot());
        if (request.path("reverseOrder").asBoolean(false)) {
            Collections.reverse(events);
        }
        boolean includeData = request.path("includeExecutionData").asBoolean(true);
        Requests.Page<HistoryEvent> page = Requests.page(events, request, 100);
        ObjectNode response = Json.object();
        ArrayNode list = response.putArray("events");
        for (HistoryEvent event : page.items()) {
            ObjectNode item = list.addObject();
            item.put("timestamp", timestamp(event.timestamp()));
            item.put("type", event.type());
            item.put("id", event.id());
            item.put("previousEventId", event.previousEventId());
            if (event.details() != null) {
                ObjectNode details = event.details().deepCopy();
                if (!includeData) {
                    details.remove(List.of("input", "output", "parameters"));
                }
                item.set(event.detailsField(), details);
            }
        }
        response.put("nextToken", page.nextToken());
        return response;
    }

    private ObjectNode stopExecution(JsonNode request) {
        Execution execution = execution(required(request, "executionArn"));
        Instant stopDate = engine.stop(execution, optional(request, "error"), optional(request, "cause"));
        ObjectNode response = Json.object();
        response.put("stopDate", timestamp(stopDate));
        return response;
    }

    private ObjectNode sendTaskSuccess(JsonNode request) {
        String token = required(request, "taskToken");
        String outputText = required(request, "output");
        JsonNode output;
        try {
            output = Json.parse(outputText);
        } catch (JsonProcessingException e) {
            throw new ServiceError("InvalidOutput", "Invalid Output: '" + e.getOriginalMessage() + "'");
        }
        engine.tokens().succeed(token, output);
        return Json.object();
    }

    private ObjectNode sendTaskFailure(JsonNode request) {
        engine.tokens().fail(required(request, "taskToken"), optional(request, "error"), optional(request, "cause"));
        return Json.object();
    }

    private ObjectNode sendTaskHeartbeat(JsonNode request) {
        engine.tokens().heartbeat(required(request, "taskToken"));
        return Json.object();
    }

    private Execution execution(String arn) {
        Arns.checkExecutionArn(arn);
        return engine.find(arn).orElseThrow(() -> new ServiceError("ExecutionDoesNotExist",
                "Execution Does Not Exist: '" + arn + "'"));
    }
}
