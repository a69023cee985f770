package cn.hbce.devserver.e2e;

import cn.hbce.devserver.DevServerConfig;
import cn.hbce.emulator.sfn.LambdaInvoker;
import cn.hbce.emulator.sfn.ManualClock;
import cn.hbce.emulator.sfn.StepFunctionsLocal;
import cn.hbce.emulator.sfn.StepFunctionsLocalConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * A fault test's own local Step Functions: one of the project's state machines (statemachines/*.asl.json),
 * its Lambda tasks answered by the test's {@link LambdaInvoker}, and a manual clock the test moves
 * past the retry and timeout timers. The shared devserver's table stays the one the handlers use.
 */
final class FaultMachine implements AutoCloseable {
    final ManualClock clock = new ManualClock(Instant.now());
    final StepFunctionsLocal sfn;
    final SfnClient client;
    final String arn;

    /**
     * {@code functions}: each {@code ${…Arn}} placeholder of the definition and the function name
     * the invoker is called with for it.
     */
    FaultMachine(String aslFile, String name, LambdaInvoker invoker, Map<String, String> functions) {
        String definition;
        try {
            definition = Files.readString(DevServerConfig.ephemeral().projectRoot().resolve("statemachines").resolve(aslFile),
                    StandardCharsets.UTF_8).replace("${Partition}", "aws");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (var f : functions.entrySet()) {
            definition = definition.replace("${" + f.getKey() + "}",
                    "arn:aws:lambda:us-east-1:000000000000:function:" + f.getValue() + ":live");
        }
        if (definition.contains("${")) {
            throw new IllegalArgumentException(aslFile + " keeps a placeholder no function was given for");
        }
        sfn = StepFunctionsLocal.start(StepFunctionsLocalConfig.builder().lambdaInvoker(invoker).clock(clock).build());
        arn = sfn.deployStateMachine(name, definition, "arn:aws:iam::000000000000:role/" + name);
        client = SfnClient.builder().endpointOverride(sfn.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fault", "fault")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    String executionArn(String executionName) {
        return arn.replace(":stateMachine:", ":execution:") + ":" + executionName;
    }

    /**
     * Waits for the execution to end, moving the clock past every timer due within the next
     * {@code horizon} (retries) whenever one is pending; returns the final status.
     */
    ExecutionStatus runToEnd(String executionName, Duration horizon, Duration wait) {
        return Reviews.await(() -> "execution " + executionName + " to end; timers " + sfn.pendingTimers(), wait, () -> {
            ExecutionStatus status = client.describeExecution(r -> r.executionArn(executionArn(executionName))).status();
            if (status != ExecutionStatus.RUNNING) {
                return Optional.of(status);
            }
            firePendingTimersWithin(horizon);
            return Optional.empty();
        });
    }

    /** Waits until {@code done}, moving the clock past the timers due within {@code horizon} meanwhile. */
    void await(String what, Duration horizon, BooleanSupplier done) {
        Reviews.await(() -> what + "; timers " + sfn.pendingTimers(), Reviews.WAIT, () -> {
            if (done.getAsBoolean()) {
                return Optional.of(true);
            }
            firePendingTimersWithin(horizon);
            return Optional.empty();
        });
    }

    List<HistoryEvent> history(String executionName) {
        List<HistoryEvent> events = new ArrayList<>();
        client.getExecutionHistoryPaginator(r -> r.executionArn(executionArn(executionName))).events().forEach(events::add);
        return events;
    }

    private void firePendingTimersWithin(Duration horizon) {
        Instant limit = clock.instant().plus(horizon);
        sfn.pendingTimers().stream().filter(t -> t.isBefore(limit)).max(Instant::compareTo)
                .ifPresent(due -> clock.set(due.isAfter(clock.instant()) ? due.plusMillis(1) : clock.instant()));
    }

    @Override
    public void close() {
        client.close();
        sfn.close();
    }
}
