package cn.hbce.emulator.sfn.cli;

import cn.hbce.emulator.sfn.ManualClock;
import cn.hbce.emulator.sfn.errors.ServiceError;
import cn.hbce.emulator.sfn.interpreter.Execution;
import cn.hbce.emulator.sfn.interpreter.ExecutionEngine;
import cn.hbce.emulator.sfn.interpreter.ExecutionStatus;
import cn.hbce.emulator.sfn.interpreter.HistoryEvent;
import cn.hbce.emulator.sfn.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one state machine definition on one input and prints the result and the event history.
 *
 * <pre>
 * java cn.hbce.emulator.sfn.cli.RunStateMachine --definition approval.asl.json --input input.json \
 *     [--lambda-results results.json]
 * </pre>
 *
 * {@code results.json} maps a Lambda function name to its result JSON, to {@code {"error": "...",
 * "cause": "..."}} for a function error, or to an array of those for successive calls (the last one
 * repeats). Callback ({@code .waitForTaskToken}) tasks are answered from the entry
 * {@code "$callbacks"} in the same way ({@code {}} when it is missing). Wait states and retry
 * delays do not wait: the clock jumps to the next timer when the execution is idle. The exit code
 * is 0 when the execution succeeded, 1 when it did not and 2 for bad arguments or definitions.
 */
public final class RunStateMachine {

    private static final long IDLE_MILLIS = 20;

    private RunStateMachine() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Map<String, String> options = options(args);
        if (options == null || !options.containsKey("--definition") || !options.containsKey("--input")) {
            err.println("usage: RunStateMachine --definition file.asl.json --input input.json"
                    + " [--lambda-results results.json]");
            return 2;
        }
        String definition = Files.readString(Path.of(options.get("--definition")));
        String input = Files.readString(Path.of(options.get("--input")));
        JsonNode results = options.containsKey("--lambda-results")
                ? Json.parse(Files.readString(Path.of(options.get("--lambda-results")))) : Json.object();
        CannedLambdas lambdas = new CannedLambdas(results);
        ManualClock clock = new ManualClock(Instant.now());
        try (ExecutionEngine engine = new ExecutionEngine(clock, lambdas, null, "us-east-1", execution -> { })) {
            Execution execution;
            try {
                execution = new LocalExecutions(engine, definition, "local", "us-east-1").start(input);
            } catch (ServiceError e) {
                err.println(e.type() + ": " + e.getMessage());
                return 2;
            }
            driveToEnd(engine, execution, clock, lambdas);
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report(execution)));
            return execution.status() == ExecutionStatus.SUCCEEDED ? 0 : 1;
        }
    }

    /** Answers callbacks and moves the clock to the next timer whenever the execution is idle. */
    private static void driveToEnd(ExecutionEngine engine, Execution execution, ManualClock clock,
            CannedLambdas lambdas) throws InterruptedException {
        Optional<Instant> lastSeen = Optional.empty();
        while (execution.status() == ExecutionStatus.RUNNING) {
            for (String token : engine.tokens().waitingTokens()) {
                JsonNode answer = Optional.ofNullable(lambdas.next(CannedLambdas.CALLBACKS)).orElse(Json.object());
                try {
                    if (answer.isObject() && answer.has("error")) {
                        engine.tokens().fail(token, answer.get("error").asText(), answer.path("cause").asText(""));
                    } else {
                        engine.tokens().succeed(token, answer);
                    }
                } catch (ServiceError alreadyEnded) {
                    // The task ended between listing and answering.
                }
            }
            Thread.sleep(IDLE_MILLIS);
            Optional<Instant> next = engine.scheduler().nextDue();
            if (next.isPresent() && next.equals(lastSeen) && next.get().isAfter(clock.instant())) {
                clock.set(next.get());
            }
            lastSeen = next;
        }
    }

    private static ObjectNode report(Execution execution) {
        ObjectNode report = Json.object();
        report.put("status", execution.status().name());
        if (execution.output() != null) {
            report.set("output", Json.MAPPER.valueToTree(parse(execution.output())));
        }
        report.put("error", execution.error());
        report.put("cause", execution.cause());
        ArrayNode events = report.putArray("history");
        for (HistoryEvent event : execution.history().snapshot()) {
            ObjectNode e = events.addObject();
            e.put("id", event.id());
            e.put("previousEventId", event.previousEventId());
            e.put("timestamp", event.timestamp().toString());
            e.put("type", event.type());
            if (event.details() != null) {
                e.set(event.detailsField(), event.details());
            }
        }
        return report;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (Exception e) {
            return Json.MAPPER.getNodeFactory().textNode(json);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length || !args[i].startsWith("--")) {
                return null;
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
