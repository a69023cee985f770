package cn.hbce.emulator.sfn;

import cn.hbce.emulator.sfn.api.Arns;
import cn.hbce.emulator.sfn.api.StateMachineRegistry;
import cn.hbce.emulator.sfn.api.StepFunctionsApi;
import cn.hbce.emulator.sfn.api.http.StepFunctionsHttpServer;
import cn.hbce.emulator.sfn.interpreter.ExecutionEngine;
import cn.hbce.emulator.sfn.interpreter.ExecutionStore;
import cn.hbce.emulator.sfn.persistence.DataDirectory;
import cn.hbce.emulator.sfn.persistence.ExecutionCodec;
import cn.hbce.emulator.sfn.persistence.ExecutionSaver;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A local Step Functions service: an Amazon States Language interpreter behind the Step Functions
 * JSON API on 127.0.0.1. With a data directory, state machines and executions survive
 * {@link #close()} and a new {@link #start}: each execution continues where it stood, inside
 * Parallel branches and Map iterations too, with its waiting task tokens and its timers' due times.
 *
 * <pre>{@code
 * try (StepFunctionsLocal sfn = StepFunctionsLocal.start(StepFunctionsLocalConfig.builder()
 *         .lambdaInvoker(myInvoker).build())) {
 *     SfnClient client = SfnClient.builder().endpointOverride(sfn.endpoint())...build();
 * }
 * }</pre>
 */
public final class StepFunctionsLocal implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StepFunctionsLocal.class.getName());

    private final ExecutionEngine engine;
    private final StepFunctionsHttpServer server;
    private final StateMachineRegistry machines;
    private final Arns arns;

    private StepFunctionsLocal(ExecutionEngine engine, StepFunctionsHttpServer server, StateMachineRegistry machines,
            Arns arns) {
        this.engine = engine;
        this.server = server;
        this.machines = machines;
        this.arns = arns;
    }

    public static StepFunctionsLocal start(StepFunctionsLocalConfig config) {
        Optional<DataDirectory> dataDirectory = config.dataDir().map(DataDirectory::new);
        ExecutionStore store = dataDirectory.<ExecutionStore>map(ExecutionSaver::new).orElse(execution -> { });
        ExecutionEngine engine = new ExecutionEngine(config.clock(), config.lambdaInvoker(), config.dynamoDb(),
                config.region(), store);
        StateMachineRegistry machines = new StateMachineRegistry(dataDirectory);
        Arns arns = new Arns(config.region(), config.accountId());
        try {
            machines.load();
            dataDirectory.ifPresent(directory -> restoreExecutions(directory, engine, config));
            StepFunctionsHttpServer server = new StepFunctionsHttpServer(config.port(),
                    new StepFunctionsApi(machines, engine, arns));
            return new StepFunctionsLocal(engine, server, machines, arns);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    private static void restoreExecutions(DataDirectory directory, ExecutionEngine engine,
            StepFunctionsLocalConfig config) {
        for (JsonNode saved : directory.loadExecutions()) {
            try {
                engine.restore(ExecutionCodec.fromJson(saved, config.clock(), StateMachineRegistry::parse));
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Skipping an unreadable saved execution " + saved.path("executionArn"), e);
            }
        }
    }

    /** The base URL to give SDK clients as endpointOverride, e.g. http://127.0.0.1:PORT. */
    public URI endpoint() {
        return server.endpoint();
    }

    /** The ARN a state machine of this name gets (as AWS builds it for the configured region and account). */
    public String stateMachineArn(String name) {
        return arns.stateMachine(name);
    }

    /** Creates or replaces a state machine directly, as a deployment would (devserver and tests). */
    public String deployStateMachine(String name, String definition, String roleArn) {
        String arn = arns.stateMachine(name);
        if (machines.find(arn).isPresent()) {
            machines.update(arn, definition, roleArn);
        } else {
            machines.create(arn, name, "STANDARD", roleArn, definition, engine.now());
        }
        return arn;
    }

    /** Due times of all pending timers (Wait states, retries, timeouts), earliest first. */
    public java.util.List<Instant> pendingTimers() {
        return engine.scheduler().pendingDueTimes();
    }

    /** How many tasks are waiting for a task token right now. */
    public int waitingTaskCount() {
        return engine.tokens().waitingCount();
    }

    @Override
    public void close() {
        server.close();
        engine.close();
    }
}
