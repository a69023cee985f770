package cn.hbce.emulator.sfn.interpreter;

import cn.hbce.emulator.sfn.definition.TaskState;
import cn.hbce.emulator.sfn.errors.ErrorNames;
import cn.hbce.emulator.sfn.errors.StatesError;
import cn.hbce.emulator.sfn.json.Json;
import cn.hbce.emulator.sfn.tasks.TaskResource;
import cn.hbce.emulator.sfn.time.Timer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/** Runs a Task state: its resource call, callback wait, timeouts, heartbeats and history events. */
final class TaskStateRunner {

    private final EngineServices services;
    private final ErrorRecovery recovery;

    TaskStateRunner(EngineServices services, ErrorRecovery recovery) {
        this.services = services;
        this.recovery = recovery;
    }

    Outcome run(TaskState task, JsonNode rawInput, Scope scope, Instant entered) {
        TaskResource resource = TaskResource.parse(task.resource())
                .orElseThrow(() -> StatesError.runtime(TaskResource.problemWith(task.resource()).orElse("")));
        StateContext plainContext = new StateContext(scope.execution(), task.name(), entered, 0, null, null);
        return recovery.run(task.errors(), task.transition().next(), rawInput, scope,
                (retryCount, resume) -> attempt(task, resource, rawInput, scope, entered, retryCount, resume),
                result -> DataFlow.output(task.io(), task.result(), rawInput, result, plainContext));
    }

    /**
     * One try of the task. Resuming a saved attempt keeps its token and deadlines and does not
     * schedule it again; a resource call that had not returned before the restart is made again.
     */
    private JsonNode attempt(TaskState task, TaskResource resource, JsonNode rawInput, Scope scope, Instant entered,
            int retryCount, boolean resume) {
        Execution execution = scope.execution();
        Checkpoint checkpoint = scope.checkpoint();
        Position.Task saved = resume ? checkpoint.task() : null;
        if (saved != null && saved.result() != null) {
            return saved.result();
        }
        String token = saved != null ? saved.token()
                : resource.waitForTaskToken() ? services.tokens().create(execution.arn()) : null;
        StateContext context = new StateContext(execution, task.name(), entered, retryCount, token, null);
        JsonNode effective = DataFlow.effectiveInput(task.io(), rawInput, context);
        JsonNode parameters = DataFlow.parameters(task.result(), effective, context);
        int timeoutSeconds = seconds(task.timeoutSeconds(), task.timeoutSecondsPath(), effective, context,
                TaskState.DEFAULT_TIMEOUT_SECONDS);
        Integer heartbeatSeconds = task.heartbeatSeconds() != null || task.heartbeatSecondsPath() != null
                ? seconds(task.heartbeatSeconds(), task.heartbeatSecondsPath(), effective, context, 0) : null;
        boolean timed = task.timeoutSeconds() != null || task.timeoutSecondsPath() != null;
        Instant deadline = saved != null ? saved.deadline() : timed ? services.now().plusSeconds(timeoutSeconds) : null;
        if (saved == null) {
            scope.atomically(() -> {
                checkpoint.taskStarted(token, deadline);
                scheduled(task, resource, parameters, scope, timeoutSeconds, heartbeatSeconds);
            });
            scope.persist(services);
        }
        try {
            JsonNode result = resource.waitForTaskToken()
                    ? callback(resource, parameters, scope, token, deadline, heartbeatSeconds, saved)
                    : request(resource, parameters, scope, deadline);
            scope.atomically(() -> {
                checkpoint.taskSucceeded(result);
                succeeded(resource, result, scope);
            });
            return result;
        } catch (StatesError error) {
            scope.atomically(() -> {
                checkpoint.taskFailed();
                failed(resource, error, scope);
            });
            throw error;
        }
    }

    private JsonNode request(TaskResource resource, JsonNode parameters, Scope scope, Instant deadline) {
        failIfPast(deadline);
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        Timer timeout = schedule(deadline, () -> result.completeExceptionally(timeoutError()));
        services.pool().execute(() -> callInto(result, resource, parameters));
        try {
            return scope.control().await(result);
        } finally {
            cancel(timeout);
        }
    }

    /**
     * Submits the request (unless a saved attempt already did), then waits for
     * SendTaskSuccess/Failure, the heartbeat or the deadline.
     */
    private JsonNode callback(TaskResource resource, JsonNode parameters, Scope scope, String token, Instant deadline,
            Integer heartbeatSeconds, Position.Task saved) {
        Execution execution = scope.execution();
        Checkpoint checkpoint = scope.checkpoint();
        boolean submitted = saved != null && saved.submitted();
        AtomicReference<Timer> heartbeatTimer = new AtomicReference<>();
        AtomicReference<PendingTask> pendingRef = new AtomicReference<>();
        Runnable armHeartbeat = () -> {
            if (heartbeatSeconds == null) {
                return;
            }
            Instant due = services.now().plusSeconds(heartbeatSeconds);
            Timer previous = heartbeatTimer.getAndSet(services.scheduler().schedule(due,
                    () -> pendingRef.get().outcome().completeExceptionally(new StatesError(
                            ErrorNames.HEARTBEAT_TIMEOUT, null))));
            if (previous != null) {
                previous.cancel();
            }
            if (checkpoint.heartbeat(due)) {
                scope.persist(services);
            }
        };
        PendingTask pending = services.tokens().await(token, execution.arn());
        pending.onHeartbeat(armHeartbeat);
        pendingRef.set(pending);
        CompletableFuture<JsonNode> submission = new CompletableFuture<>();
        Timer timeout = schedule(deadline, () -> {
            submission.completeExceptionally(timeoutError());
            pending.outcome().completeExceptionally(timeoutError());
        });
        try {
            if (submitted && heartbeatSeconds != null && saved.heartbeatDeadline() != null) {
                heartbeatTimer.set(services.scheduler().schedule(saved.heartbeatDeadline(),
                        () -> pending.outcome().completeExceptionally(new StatesError(ErrorNames.HEARTBEAT_TIMEOUT, null))));
            } else {
                armHeartbeat.run();
            }
            if (!submitted) {
                failIfPast(deadline);
                services.pool().execute(() -> callInto(submission, resource, parameters));
                JsonNode response = scope.control().await(submission);
                ObjectNode details = resourceDetails(resource);
                details.put("output", Json.write(response));
                details.putObject("outputDetails").put("truncated", false);
                Timer current = heartbeatTimer.get();
                scope.atomically(() -> {
                    checkpoint.taskSubmitted(current == null ? null : current.due());
                    scope.emit("TaskSubmitted", details);
                });
                scope.persist(services);
            }
            return scope.control().await(pending.outcome());
        } finally {
            services.tokens().release(token);
            pending.outcome().completeExceptionally(new StatesError(ErrorNames.TIMEOUT, "The task has ended"));
            cancel(timeout);
            Timer current = heartbeatTimer.getAndSet(null);
            if (current != null) {
                current.cancel();
            }
        }
    }

    /** A resumed attempt whose deadline passed while the service was down times out without a call. */
    private void failIfPast(Instant deadline) {
        if (deadline != null && !deadline.isAfter(services.now())) {
            throw timeoutError();
        }
    }

    /** No timer for the default TimeoutSeconds (over three years), which keeps the timer queue meaningful. */
    private Timer schedule(Instant deadline, Runnable action) {
        return deadline == null ? null : services.scheduler().schedule(deadline, action);
    }

    private static void cancel(Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    private void callInto(CompletableFuture<JsonNode> result, TaskResource resource, JsonNode parameters) {
        try {
            result.complete(services.integrations().call(resource, parameters));
        } catch (StatesError error) {
            result.completeExceptionally(error);
        } catch (RuntimeException e) {
            result.completeExceptionally(new StatesError(ErrorNames.TASK_FAILED, e.toString()));
        }
    }

    private void scheduled(TaskState task, TaskResource resource, JsonNode parameters, Scope scope, int timeoutSeconds,
            Integer heartbeatSeconds) {
        if (resource.isIntegration()) {
            ObjectNode details = resourceDetails(resource);
            details.put("region", services.region());
            details.put("parameters", Json.write(parameters));
            if (task.timeoutSeconds() != null || task.timeoutSecondsPath() != null) {
                details.put("timeoutInSeconds", timeoutSeconds);
            }
            if (heartbeatSeconds != null) {
                details.put("heartbeatInSeconds", heartbeatSeconds);
            }
            scope.emit("TaskScheduled", details);
            scope.emit("TaskStarted", resourceDetails(resource));
        } else {
            ObjectNode details = Json.object();
            details.put("resource", resource.arn());
            details.put("input", Json.write(parameters));
            details.putObject("inputDetails").put("truncated", false);
            if (task.timeoutSeconds() != null || task.timeoutSecondsPath() != null) {
                details.put("timeoutInSeconds", timeoutSeconds);
            }
            scope.emit("LambdaFunctionScheduled", details);
            scope.emit("LambdaFunctionStarted", null);
        }
    }

    private void succeeded(TaskResource resource, JsonNode result, Scope scope) {
        if (resource.isIntegration()) {
            ObjectNode details = resourceDetails(resource);
            details.put("output", Json.write(result));
            details.putObject("outputDetails").put("truncated", false);
            scope.emit("TaskSucceeded", details);
        } else {
            scope.emit("LambdaFunctionSucceeded", EventDetails.output(result));
        }
    }

    private void failed(TaskResource resource, StatesError error, Scope scope) {
        boolean timedOut = ErrorNames.TIMEOUT.equals(error.error()) || ErrorNames.HEARTBEAT_TIMEOUT.equals(error.error());
        if (resource.isIntegration()) {
            ObjectNode details = resourceDetails(resource);
            details.setAll(EventDetails.error(error.error(), error.cause()));
            scope.emit(timedOut ? "TaskTimedOut" : "TaskFailed", details);
        } else {
            scope.emit(timedOut ? "LambdaFunctionTimedOut" : "LambdaFunctionFailed",
                    EventDetails.error(error.error(), error.cause()));
        }
    }

    private static ObjectNode resourceDetails(TaskResource resource) {
        ObjectNode details = Json.object();
        details.put("resourceType", resource.resourceType());
        details.put("resource", resource.resourceName());
        return details;
    }

    private static StatesError timeoutError() {
        return new StatesError(ErrorNames.TIMEOUT, null);
    }

    private static int seconds(Integer fixed, String path, JsonNode effective, StateContext context, int fallback) {
        if (fixed != null) {
            return fixed;
        }
        if (path == null) {
            return fallback;
        }
        JsonNode value = PayloadTemplate.evaluate(path, effective, context);
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() <= 0) {
            throw StatesError.runtime("The value of '" + path + "' must be a positive integer but was " + value);
        }
        return value.intValue();
    }
}
