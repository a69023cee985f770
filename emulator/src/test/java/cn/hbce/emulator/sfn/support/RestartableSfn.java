package cn.hbce.emulator.sfn.support;

import cn.hbce.emulator.sfn.ManualClock;
import cn.hbce.emulator.sfn.StepFunctionsLocal;
import cn.hbce.emulator.sfn.StepFunctionsLocalConfig;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Local Step Functions instances started one after another on the same data directory, clock and
 * fake Lambdas, as a devserver restart would.
 */
public final class RestartableSfn {

    public final ManualClock clock = ManualClock.startingAt("2024-05-01T08:00:00Z");
    public final FakeLambdas lambdas = new FakeLambdas(clock);
    private final Path dataDir;

    public RestartableSfn(Path dataDir) {
        this.dataDir = dataDir;
    }

    public Instance start() {
        return new Instance(StepFunctionsLocal.start(StepFunctionsLocalConfig.builder()
                .clock(clock).lambdaInvoker(lambdas).dataDir(dataDir).build()));
    }

    /** One running instance and a client of it. */
    public static final class Instance implements AutoCloseable {

        public final StepFunctionsLocal service;
        public final SfnClient sfn;

        Instance(StepFunctionsLocal service) {
            this.service = service;
            this.sfn = SfnHarness.client(service);
        }

        public String startExecution(String definition, String input) {
            String machine = sfn.createStateMachine(b -> b.name("restart-" + Math.abs(definition.hashCode()))
                    .definition(definition).roleArn(SfnHarness.ROLE)).stateMachineArn();
            return sfn.startExecution(b -> b.stateMachineArn(machine).input(input)).executionArn();
        }

        public DescribeExecutionResponse describe(String executionArn) {
            return sfn.describeExecution(b -> b.executionArn(executionArn));
        }

        public DescribeExecutionResponse awaitEnd(String executionArn) {
            SfnHarness.waitFor(() -> describe(executionArn).status() != ExecutionStatus.RUNNING, "the execution to end");
            return describe(executionArn);
        }

        public List<HistoryEvent> history(String executionArn) {
            return sfn.getExecutionHistoryPaginator(b -> b.executionArn(executionArn)).events().stream().toList();
        }

        public long count(String executionArn, String eventType) {
            return history(executionArn).stream().filter(e -> e.typeAsString().equals(eventType)).count();
        }

        public void awaitEvents(String executionArn, String eventType, long atLeast) {
            SfnHarness.waitFor(() -> count(executionArn, eventType) >= atLeast, atLeast + " " + eventType + " events");
        }

        @Override
        public void close() {
            sfn.close();
            service.close();
        }
    }
}
