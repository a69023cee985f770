package cn.hbce.emulator.sfn;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * How to run a {@link StepFunctionsLocal}.
 *
 * @param port          TCP port on 127.0.0.1; 0 picks a free one
 * @param dataDir       where state machines and executions are saved; empty keeps them in memory
 * @param lambdaInvoker runs Lambda tasks in-process
 * @param dynamoDb      client for {@code arn:aws:states:::dynamodb:*} tasks; may be null when unused
 * @param clock         the time source of every timer (use {@link ManualClock} in tests)
 * @param region        region used in ARNs
 * @param accountId     account used in ARNs
 */
public record StepFunctionsLocalConfig(
        int port,
        Optional<Path> dataDir,
        LambdaInvoker lambdaInvoker,
        DynamoDbClient dynamoDb,
        Clock clock,
        String region,
        String accountId) {

    public StepFunctionsLocalConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        if (lambdaInvoker == null) {
            lambdaInvoker = (function, payload) -> {
                throw new LambdaInvocationException("Lambda.ResourceNotFoundException",
                        "Function not found: " + function + " (no Lambda invoker configured)");
            };
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults: free port, in memory, system UTC clock, us-east-1, account 000000000000. */
    public static final class Builder {
        private int port;
        private Path dataDir;
        private LambdaInvoker lambdaInvoker;
        private DynamoDbClient dynamoDb;
        private Clock clock = Clock.systemUTC();
        private String region = "us-east-1";
        private String accountId = "000000000000";

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder lambdaInvoker(LambdaInvoker lambdaInvoker) {
            this.lambdaInvoker = lambdaInvoker;
            return this;
        }

        public Builder dynamoDb(DynamoDbClient dynamoDb) {
            this.dynamoDb = dynamoDb;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        public StepFunctionsLocalConfig build() {
            return new StepFunctionsLocalConfig(port, Optional.ofNullable(dataDir), lambdaInvoker, dynamoDb,
                    clock, region, accountId);
        }
    }
}
