package cn.hbce.emulator.sfn.definition;

import cn.hbce.emulator.sfn.definition.validation.GraphValidator;
import cn.hbce.emulator.sfn.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns an Amazon States Language document into a {@link StateMachineDefinition}, rejecting
 * anything invalid or unsupported with every problem found.
 */
public final class DefinitionParser {

    private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
    private static final Set<String> FLOW = Set.of("Next", "End");
    private static final Set<String> IO = Set.of("InputPath", "OutputPath");
    private static final Map<String, String> UNSUPPORTED_COMMON = Map.of(
            "Assign", "Assign (workflow variables)",
            "Arguments", "Arguments (JSONata)",
            "Output", "Output (JSONata)");

    private final Problems problems = new Problems();
    private final Function<String, Optional<String>> resourceProblem;
    private final ChoiceRuleParser choiceRules = new ChoiceRuleParser(problems);

    private DefinitionParser(Function<String, Optional<String>> resourceProblem) {
        this.resourceProblem = resourceProblem;
    }

    /**
     * @param resourceProblem tells why a Task resource cannot be run, or empty when it can
     */
    public static StateMachineDefinition parse(String json, Function<String, Optional<String>> resourceProblem)
            throws InvalidDefinitionException {
        DefinitionParser parser = new DefinitionParser(resourceProblem);
        JsonNode root;
        try {
            root = Json.parse(json);
        } catch (JsonProcessingException e) {
            throw new InvalidDefinitionException(List.of("INVALID_JSON_DESCRIPTION: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidDefinitionException(List.of(Problems.SCHEMA + ": the definition must be a JSON object"));
        }
        StateMachineDefinition definition = parser.machine(root, "", true);
        if (parser.problems.isEmpty()) {
            GraphValidator.validate(definition).forEach(p -> parser.problems.add(p.code(), p.message(), p.pointer()));
        }
        if (!parser.problems.isEmpty()) {
            throw new InvalidDefinitionException(parser.problems.messages());
        }
        return definition;
    }

    private StateMachineDefinition machine(JsonNode node, String pointer, boolean topLevel) {
        FieldReader fields = new FieldReader(node, pointer, problems);
        Set<String> allowed = topLevel
                ? Set.of("StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage")
                : Set.of("StartAt", "States", "Comment", "ProcessorConfig");
        fields.allowOnly(allowed, Map.of());
        checkQueryLanguage(fields);
        if (fields.has("ProcessorConfig")) {
            JsonNode mode = fields.raw("ProcessorConfig").path("Mode");
            if (!mode.isMissingNode() && !"INLINE".equals(mode.asText())) {
                problems.unsupported("Map ProcessorConfig Mode " + mode.asText() + " (Distributed Map)",
                        fields.at("ProcessorConfig"));
            }
        }
        String startAt = fields.requiredString("StartAt");
        Integer timeoutSeconds = topLevel ? fields.optionalInt("TimeoutSeconds", 1) : null;
        Map<String, State> states = new LinkedHashMap<>();
        JsonNode statesNode = fields.raw("States");
        if (statesNode == null || !statesNode.isObject() || statesNode.isEmpty()) {
            problems.add(Problems.SCHEMA, "The field 'States' must be a non-empty object", fields.at("States"));
        } else {
            statesNode.fields().forEachRemaining(entry -> {
                String name = entry.getKey();
                String statePointer = fields.at("States") + "/" + name;
                if (name.isEmpty() || name.length() > 80) {
                    problems.add(Problems.SCHEMA, "State names must have 1 to 80 characters", statePointer);
                }
                if (!entry.getValue().isObject()) {
                    problems.add(Problems.SCHEMA, "A state must be an object", statePointer);
                    return;
                }
                State state = state(name, entry.getValue(), statePointer);
                if (state != null) {
                    states.put(name, state);
                }
            });
        }
        return new StateMachineDefinition(startAt, Map.copyOf(states), timeoutSeconds);
    }

    private void checkQueryLanguage(FieldReader fields) {
        String language = fields.optionalString("QueryLanguage");
        if (language != null && !"JSONPath".equals(language)) {
            problems.unsupported("QueryLanguage " + language, fields.at("QueryLanguage"));
        }
    }

    private State state(String name, JsonNode node, String pointer) {
        FieldReader fields = new FieldReader(node, pointer, problems);
        String type = fields.requiredString("Type");
        if (type == null) {
            return null;
        }
        checkQueryLanguage(fields);
        return switch (type) {
            case "Task" -> task(name, fields);
            case "Pass" -> pass(name, fields);
            case "Choice" -> choice(name, fields);
            case "Wait" -> waitState(name, fields);
            case "Succeed" -> {
                fields.allowOnly(union(COMMON, IO), UNSUPPORTED_COMMON);
                yield new SucceedState(name, io(fields));
            }
            case "Fail" -> fail(name, fields);
            case "Parallel" -> parallel(name, fields);
            case "Map" -> map(name, fields);
            default -> {
                problems.add(Problems.SCHEMA, "The state type '" + type + "' is not valid", fields.at("Type"));
                yield null;
            }
        };
    }

    private TaskState task(String name, FieldReader fields) {
        fields.allowOnly(union(COMMON, FLOW, IO, Set.of("Resource", "Parameters", "ResultSelector", "ResultPath",
                        "Retry", "Catch", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds",
                        "HeartbeatSecondsPath")),
                with(UNSUPPORTED_COMMON, "Credentials", "Task Credentials (cross-account roles)"));
        String resource = fields.requiredString("Resource");
        if (resource != null) {
            resourceProblem.apply(resource).ifPresent(p -> problems.add(Problems.UNSUPPORTED, p, fields.at("Resource")));
        }
        Integer timeout = fields.optionalInt("TimeoutSeconds", 1);
        String timeoutPath = fields.path("TimeoutSecondsPath");
        Integer heartbeat = fields.optionalInt("HeartbeatSeconds", 1);
        String heartbeatPath = fields.path("HeartbeatSecondsPath");
        exclusive(fields, "TimeoutSeconds", "TimeoutSecondsPath");
        exclusive(fields, "HeartbeatSeconds", "HeartbeatSecondsPath");
        if (heartbeat != null && heartbeat >= (timeout == null ? TaskState.DEFAULT_TIMEOUT_SECONDS : timeout)) {
            problems.add(Problems.SCHEMA, "HeartbeatSeconds must be smaller than TimeoutSeconds",
                    fields.at("HeartbeatSeconds"));
        }
        return new TaskState(name, transition(fields), io(fields), resultHandling(fields, "Parameters"),
                errorHandling(fields), resource, timeout, timeoutPath, heartbeat, heartbeatPath);
    }

    private PassState pass(String name, FieldReader fields) {
        fields.allowOnly(union(COMMON, FLOW, IO, Set.of("Parameters", "Result", "ResultPath")), UNSUPPORTED_COMMON);
        JsonNode parameters = fields.template("Parameters");
        return new PassState(name, transition(fields), io(fields),
                new ResultHandling(parameters, null, fields.resultPath("ResultPath")), fields.raw("Result"));
    }

    private ChoiceState choice(String name, FieldReader fields) {
        fields.allowOnly(union(COMMON, IO, Set.of("Choices", "Default")), UNSUPPORTED_COMMON);
        noTransition(fields);
        List<ChoiceState.Branch> branches = new ArrayList<>();
        JsonNode choices = fields.raw("Choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            problems.add(Problems.SCHEMA, "The field 'Choices' must be a non-empty array", fields.at("Choices"));
        } else {
            for (int i = 0; i < choices.size(); i++) {
                branches.add(choiceRules.parseTopLevel(choices.get(i), fields.at("Choices") + "/" + i));
            }
        }
        return new ChoiceState(name, io(fields), branches, fields.optionalString("Default"));
    }

    private WaitState waitState(String name, FieldReader fields) {
        fields.allowOnly(union(COMMON, FLOW, IO, Set.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath")),
                UNSUPPORTED_COMMON);
        Integer seconds = fields.optionalInt("Seconds", 0);
        int given = 0;
        for (String field : List.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath")) {
            given += fields.has(field) ? 1 : 0;
        }
        if (given != 1) {
            problems.add(Problems.SCHEMA, "A Wait state needs exactly one of Seconds, Timestamp, SecondsPath,"
                    + " TimestampPath", fields.pointer());
        }
        return new WaitState(name, transition(fields), io(fields), seconds == null ? null : seconds.longValue(),
                fields.timestamp("Timestamp"), fields.path("SecondsPath"), fields.path("TimestampPath"));
    }

    private FailState fail(String name, FieldReader fields) {
        fields.allowOnly(union(COMMON, Set.of("Error", "Cause", "ErrorPath", "CausePath")), UNSUPPORTED_COMMON);
        noTransition(fields);
        exclusive(fields, "Error", "ErrorPath");
        exclusive(fields, "Cause", "CausePath");
        return new FailState(name, fields.optionalString("Error"), fields.optionalString("Cause"),
                fields.pathOrIntrinsic("ErrorPath"), fields.pathOrIntrinsic("CausePath"));
    }

    private ParallelState parallel(String name, FieldReader fields) {
        fields.allowOnly(union(COMMON, FLOW, IO, Set.of("Branches", "Parameters", "ResultSelector", "ResultPath",
                "Retry", "Catch")), UNSUPPORTED_COMMON);
        List<StateMachineDefinition> branches = new ArrayList<>();
        JsonNode branchNodes = fields.raw("Branches");
        if (branchNodes == null || !branchNodes.isArray() || branchNodes.isEmpty()) {
            problems.add(Problems.SCHEMA, "The field 'Branches' must be a non-empty array", fields.at("Branches"));
        } else {
            for (int i = 0; i < branchNodes.size(); i++) {
                branches.add(machine(branchNodes.get(i), fields.at("Branches") + "/" + i, false));
            }
        }
        return new ParallelState(name, transition(fields), io(fields), resultHandling(fields, "Parameters"),
                errorHandling(fields), branches);
    }

    private MapState map(String name, FieldReader fields) {
        Map<String, String> unsupported = new LinkedHashMap<>(UNSUPPORTED_COMMON);
        for (String distributedOnly : List.of("ItemReader", "ResultWriter", "ItemBatcher",
                "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "ToleratedFailureCount",
                "ToleratedFailureCountPath", "Label")) {
            unsupported.put(distributedOnly, "Map " + distributedOnly + " (Distributed Map)");
        }
        fields.allowOnly(union(COMMON, FLOW, IO, Set.of("Iterator", "ItemProcessor", "ItemsPath", "ItemSelector",
                "Parameters", "ResultSelector", "ResultPath", "MaxConcurrency", "MaxConcurrencyPath", "Retry",
                "Catch")), unsupported);
        exclusive(fields, "Iterator", "ItemProcessor");
        exclusive(fields, "ItemSelector", "Parameters");
        exclusive(fields, "MaxConcurrency", "MaxConcurrencyPath");
        String processorField = fields.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        JsonNode processorNode = fields.raw(processorField);
        StateMachineDefinition processor = null;
        if (processorNode == null || !processorNode.isObject()) {
            problems.add(Problems.SCHEMA, "A Map state needs an ItemProcessor (or Iterator) object",
                    fields.at("ItemProcessor"));
        } else {
            processor = machine(processorNode, fields.at(processorField), false);
        }
        JsonNode selector = fields.has("ItemSelector") ? fields.template("ItemSelector") : fields.template("Parameters");
        String itemsPath = fields.has("ItemsPath") ? fields.path("ItemsPath") : "$";
        Integer maxConcurrency = fields.optionalInt("MaxConcurrency", 0);
        return new MapState(name, transition(fields), io(fields),
                new ResultHandling(null, fields.template("ResultSelector"), fields.resultPath("ResultPath")),
                errorHandling(fields), processor, itemsPath, selector,
                maxConcurrency == null ? 0 : maxConcurrency, fields.path("MaxConcurrencyPath"));
    }

    private IoPaths io(FieldReader fields) {
        return new IoPaths(fields.ioPath("InputPath"), fields.ioPath("OutputPath"));
    }

    private ResultHandling resultHandling(FieldReader fields, String parametersField) {
        return new ResultHandling(fields.template(parametersField), fields.template("ResultSelector"),
                fields.resultPath("ResultPath"));
    }

    private Transition transition(FieldReader fields) {
        String next = fields.optionalString("Next");
        JsonNode end = fields.raw("End");
        boolean ends = end != null && end.isBoolean() && end.booleanValue();
        if (end != null && !end.isBoolean()) {
            problems.add(Problems.SCHEMA, "The field 'End' must be a boolean", fields.at("End"));
        }
        if (next != null && ends) {
            problems.add(Problems.SCHEMA, "A state cannot have both 'Next' and 'End'", fields.pointer());
        } else if (next == null && !ends) {
            problems.add(Problems.SCHEMA, "A state needs 'Next' or 'End': true", fields.pointer());
        }
        return new Transition(next, ends);
    }

    private void noTransition(FieldReader fields) {
        if (fields.has("Next") || fields.has("End")) {
            problems.add(Problems.SCHEMA, "This state type cannot have 'Next' or 'End'", fields.pointer());
        }
    }

    private ErrorHandling errorHandling(FieldReader fields) {
        List<Retrier> retriers = new ArrayList<>();
        JsonNode retry = fields.raw("Retry");
        if (retry != null) {
            if (!retry.isArray()) {
                problems.add(Problems.SCHEMA, "The field 'Retry' must be an array", fields.at("Retry"));
            } else {
                for (int i = 0; i < retry.size(); i++) {
                    retriers.add(retrier(retry.get(i), fields.at("Retry") + "/" + i, i == retry.size() - 1));
                }
            }
        }
        List<Catcher> catchers = new ArrayList<>();
        JsonNode catchNode = fields.raw("Catch");
        if (catchNode != null) {
            if (!catchNode.isArray()) {
                problems.add(Problems.SCHEMA, "The field 'Catch' must be an array", fields.at("Catch"));
            } else {
                for (int i = 0; i < catchNode.size(); i++) {
                    catchers.add(catcher(catchNode.get(i), fields.at("Catch") + "/" + i, i == catchNode.size() - 1));
                }
            }
        }
        return new ErrorHandling(List.copyOf(retriers), List.copyOf(catchers));
    }

    private Retrier retrier(JsonNode node, String pointer, boolean last) {
        FieldReader fields = new FieldReader(node, pointer, problems);
        fields.allowOnly(Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds",
                "JitterStrategy", "Comment"), Map.of());
        List<String> errors = errorEquals(fields, last);
        Integer interval = fields.optionalInt("IntervalSeconds", 1);
        Integer maxAttempts = fields.optionalInt("MaxAttempts", 0);
        BigDecimal backoff = fields.optionalNumber("BackoffRate", BigDecimal.ONE);
        Integer maxDelay = fields.optionalInt("MaxDelaySeconds", 1);
        String jitter = fields.optionalString("JitterStrategy");
        Retrier.JitterStrategy strategy = Retrier.JitterStrategy.NONE;
        if (jitter != null) {
            try {
                strategy = Retrier.JitterStrategy.valueOf(jitter);
            } catch (IllegalArgumentException e) {
                problems.add(Problems.SCHEMA, "JitterStrategy must be FULL or NONE", fields.at("JitterStrategy"));
            }
        }
        return new Retrier(errors, interval == null ? 1 : interval, maxAttempts == null ? 3 : maxAttempts,
                backoff == null ? BigDecimal.valueOf(2) : backoff, maxDelay, strategy);
    }

    private Catcher catcher(JsonNode node, String pointer, boolean last) {
        FieldReader fields = new FieldReader(node, pointer, problems);
        fields.allowOnly(Set.of("ErrorEquals", "ResultPath", "Next", "Comment"),
                Map.of("Assign", "Assign (workflow variables)", "Output", "Output (JSONata)"));
        return new Catcher(errorEquals(fields, last), fields.resultPath("ResultPath"), fields.requiredString("Next"));
    }

    private List<String> errorEquals(FieldReader fields, boolean last) {
        JsonNode node = fields.raw("ErrorEquals");
        List<String> errors = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add(Problems.SCHEMA, "ErrorEquals must be a non-empty array of strings", fields.at("ErrorEquals"));
            return errors;
        }
        node.forEach(e -> errors.add(e.asText()));
        if (errors.contains("States.ALL") && (errors.size() > 1 || !last)) {
            problems.add(Problems.SCHEMA, "States.ALL must appear alone in the last Retry/Catch element",
                    fields.at("ErrorEquals"));
        }
        return List.copyOf(errors);
    }

    private void exclusive(FieldReader fields, String first, String second) {
        if (fields.has(first) && fields.has(second)) {
            problems.add(Problems.SCHEMA, "'" + first + "' and '" + second + "' cannot both be given", fields.pointer());
        }
    }

    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    private static Map<String, String> with(Map<String, String> base, String key, String feature) {
        Map<String, String> copy = new LinkedHashMap<>(base);
        copy.put(key, feature);
        return copy;
    }
}
