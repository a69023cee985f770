package cn.hbce.emulator.sfn.interpreter;

import cn.hbce.emulator.sfn.LambdaInvoker;
import cn.hbce.emulator.sfn.errors.ErrorNames;
import cn.hbce.emulator.sfn.errors.StatesError;
import cn.hbce.emulator.sfn.json.Json;
import cn.hbce.emulator.sfn.tasks.TaskIntegrations;
import cn.hbce.emulator.sfn.time.Timer;
import cn.hbce.emulator.sfn.time.TimerScheduler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Runs executions: starts, resumes, stops and times them out, and records how they end. */
public final class ExecutionEngine implements AutoCloseable {

    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private final TimerScheduler scheduler;
    private final TaskTokens tokens;
    private final StatesRunner runner;
    private final EngineServices services;
    private final ExecutionStore store;
    private volatile boolean closed;

    public ExecutionEngine(Clock clock, LambdaInvoker lambdaInvoker, DynamoDbClient dynamoDb, String region,
            ExecutionStore store) {
        this.pool = Executors.newCachedThreadPool(daemonThreads());
        this.scheduler = new TimerScheduler(clock, pool);
        this.tokens = new TaskTokens(executions::containsKey);
        this.store = store;
        this.services = new EngineServices(pool, scheduler, new TaskIntegrations(lambdaInvoker, dynamoDb, pool), tokens,
                store, region);
        this.runner = new StatesRunner(services);
    }

    public TimerScheduler scheduler() {
        return scheduler;
    }

    public TaskTokens tokens() {
        return tokens;
    }

    public Instant now() {
        return scheduler.now();
    }

    public Optional<Execution> find(String executionArn) {
        return Optional.ofNullable(executions.get(executionArn));
    }

    public Collection<Execution> executions() {
        return List.copyOf(executions.values());
    }

    /** Records a new execution's start and runs it in the background. */
    public void start(Execution execution) {
        executions.put(execution.arn(), execution);
        ObjectNode details = Json.object();
        details.put("input", execution.inputText());
        details.putObject("inputDetails").put("truncated", false);
        details.put("roleArn", execution.roleArn());
        execution.history().append("ExecutionStarted", 0, details);
        services.persist(execution);
        launch(execution);
    }

    /**
     * Takes over an execution read from disk; a running one continues from its checkpoint. Its
     * task tokens are accepted at once, before the tasks holding them resume.
     */
    public void restore(Execution execution) {
        executions.put(execution.arn(), execution);
        if (execution.status() == ExecutionStatus.RUNNING) {
            execution.checkpoint().taskTokens().forEach(token -> tokens.await(token, execution.arn()));
            launch(execution);
        }
    }

    public void forget(String executionArn) {
        executions.remove(executionArn);
    }

    private void launch(Execution execution) {
        Integer timeoutSeconds = execution.definition().timeoutSeconds();
        Timer timeout = timeoutSeconds == null ? null : scheduler.schedule(
                execution.startDate().plusSeconds(timeoutSeconds), () -> timeOut(execution));
        pool.execute(() -> run(execution, timeout));
    }

    private void run(Execution execution, Timer timeout) {
        Scope scope = new Scope(execution, execution.checkpoint(), execution.control(), execution.history().lastId());
        try {
            JsonNode output = runner.run(execution.definition(), execution.input(), scope);
            String outputText = Json.write(output);
            ObjectNode details = Json.object();
            details.put("output", outputText);
            details.putObject("outputDetails").put("truncated", false);
            end(execution, ExecutionStatus.SUCCEEDED, "ExecutionSucceeded", details, outputText, null, null);
        } catch (StatesError error) {
            end(execution, ExecutionStatus.FAILED, "ExecutionFailed", EventDetails.error(error.error(), error.cause()),
                    null, error.error(), error.cause());
        } catch (ExecutionInterrupted interrupted) {
            // Stop and timeout record the end themselves; on shutdown the checkpoint stays as saved.
        } catch (RuntimeException unexpected) {
            String cause = "Internal error of the local Step Functions service: " + unexpected;
            end(execution, ExecutionStatus.FAILED, "ExecutionFailed", EventDetails.error(ErrorNames.RUNTIME, cause),
                    null, ErrorNames.RUNTIME, cause);
        } finally {
            if (timeout != null) {
                timeout.cancel();
            }
            if (execution.status() != ExecutionStatus.RUNNING) {
                tokens.releaseAll(execution.arn());
            }
        }
    }

    /** StopExecution: returns the stop date (the earlier one when the execution had already ended). */
    public Instant stop(Execution execution, String error, String cause) {
        end(execution, ExecutionStatus.ABORTED, "ExecutionAborted", EventDetails.error(error, cause), null, error, cause);
        execution.control().interrupt(ExecutionInterrupted.Reason.STOPPED);
        return execution.stopDate();
    }

    private void timeOut(Execution execution) {
        String cause = "The execution exceeded its TimeoutSeconds";
        end(execution, ExecutionStatus.TIMED_OUT, "ExecutionTimedOut", EventDetails.error(ErrorNames.TIMEOUT, cause),
                null, ErrorNames.TIMEOUT, cause);
        execution.control().interrupt(ExecutionInterrupted.Reason.TIMED_OUT);
    }

    private void end(Execution execution, ExecutionStatus status, String eventType, ObjectNode details, String output,
            String error, String cause) {
        synchronized (execution) {
            if (execution.status() != ExecutionStatus.RUNNING || closed) {
                return;
            }
            execution.history().append(eventType, execution.history().lastId(), details);
            execution.finish(status, now(), output, error, cause);
        }
        services.persist(execution);
    }

    /**
     * Saves running executions as they stand, then stops all work without recording anything
     * more, so they resume from there on the next start.
     */
    @Override
    public void close() {
        closed = true;
        store.close(executions.values().stream().filter(e -> e.status() == ExecutionStatus.RUNNING).toList());
        for (Execution execution : executions.values()) {
            execution.control().interrupt(ExecutionInterrupted.Reason.SHUTDOWN);
        }
        scheduler.close();
        pool.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "sfn-worker-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
