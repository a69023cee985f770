package cn.hbce.emulator.sfn.support;

import cn.hbce.emulator.sfn.ManualClock;
import cn.hbce.emulator.sfn.StepFunctionsLocal;
import cn.hbce.emulator.sfn.StepFunctionsLocalConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** A local Step Functions with a manual clock, fake Lambdas and an SDK client pointed at it. */
public final class SfnHarness implements AutoCloseable {

    public static final String ROLE = "arn:aws:iam::000000000000:role/sfn";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public final ManualClock clock = ManualClock.startingAt("2024-05-01T08:00:00Z");
    public final FakeLambdas lambdas = new FakeLambdas(clock);
    public final StepFunctionsLocal service;
    public final SfnClient sfn;

    public SfnHarness() {
        this(null, null);
    }

    public SfnHarness(Path dataDir, DynamoDbClient dynamoDb) {
        service = StepFunctionsLocal.start(StepFunctionsLocalConfig.builder()
                .clock(clock).lambdaInvoker(lambdas).dynamoDb(dynamoDb).dataDir(dataDir).build());
        sfn = client(service);
    }

    public static SfnClient client(StepFunctionsLocal service) {
        return SfnClient.builder()
                .endpointOverride(service.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "SECRET")))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .build();
    }

    public String createMachine(String definition) {
        return sfn.createStateMachine(b -> b.name("m-" + UUID.randomUUID().toString().substring(0, 8))
                .definition(definition).roleArn(ROLE)).stateMachineArn();
    }

    public String start(String machineArn, String input) {
        return sfn.startExecution(b -> b.stateMachineArn(machineArn).input(input)).executionArn();
    }

    /** Runs a definition to its end (no timers involved) and describes the result. */
    public DescribeExecutionResponse run(String definition, String input) {
        return awaitEnd(start(createMachine(definition), input));
    }

    public DescribeExecutionResponse awaitEnd(String executionArn) {
        waitFor(() -> describe(executionArn).status() != ExecutionStatus.RUNNING, "execution to end");
        return describe(executionArn);
    }

    public DescribeExecutionResponse describe(String executionArn) {
        return sfn.describeExecution(b -> b.executionArn(executionArn));
    }

    public List<HistoryEvent> history(String executionArn) {
        return sfn.getExecutionHistoryPaginator(b -> b.executionArn(executionArn)).events().stream().toList();
    }

    public List<String> eventTypes(String executionArn) {
        return history(executionArn).stream().map(HistoryEvent::typeAsString).toList();
    }

    /** Waits until a timer is pending, then moves the clock exactly to the earliest one. */
    public Duration advanceToNextTimer() {
        waitFor(() -> !service.pendingTimers().isEmpty(), "a pending timer");
        Instant due = service.pendingTimers().get(0);
        Duration delay = Duration.between(clock.instant(), due);
        clock.set(due);
        return delay;
    }

    public static void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String resource(String name) {
        try (InputStream in = SfnHarness.class.getResourceAsStream("/sfn/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource sfn/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        sfn.close();
        service.close();
    }
}
