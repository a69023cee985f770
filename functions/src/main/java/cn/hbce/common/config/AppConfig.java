package cn.hbce.common.config;

import cn.hbce.common.Lazy;
import cn.hbce.common.aws.AwsClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The settings every function shares, read once per container. The token signing key is not in
 * the environment: only its Secrets Manager ARN ({@code TOKEN_SECRET_ARN}) is, and the key is read
 * on first use (then kept for the container), so functions that never sign or verify a token
 * never pay for the call — nor need the permission to make it.
 */
public record AppConfig(
        String tableName,
        String auditTableName,
        String bucketName,
        Supplier<byte[]> tokenSecretSource,
        Duration tokenLifetime,
        Duration adminIdleLimit,
        Optional<String> approvalStateMachineArn,
        long decisionTimeoutSeconds,
        Duration roleCacheTtl) {

    public static final int MIN_SECRET_BYTES = 32;

    public static AppConfig fromEnvironment() {
        Optional<String> secretArn = Env.optional("TOKEN_SECRET_ARN");
        return new AppConfig(
                Env.required("TABLE_NAME"),
                Env.required("AUDIT_TABLE_NAME"),
                Env.optional("BUCKET_NAME").orElse(""),
                Lazy.of(() -> checked(AwsClients.secretString(secretArn.orElseThrow(
                        () -> new IllegalStateException("Missing configuration: TOKEN_SECRET_ARN"))))),
                Duration.ofMinutes(Long.parseLong(Env.optional("TOKEN_LIFETIME_MINUTES").orElse("120"))),
                Duration.ofMinutes(Long.parseLong(Env.optional("ADMIN_IDLE_MINUTES").orElse("30"))),
                Env.optional("APPROVAL_STATE_MACHINE_ARN"),
                Long.parseLong(Env.optional("DECISION_TIMEOUT_SECONDS").orElse(String.valueOf(30L * 24 * 3600))),
                Duration.ofSeconds(Long.parseLong(Env.optional("ROLE_CACHE_SECONDS").orElse("30"))));
    }

    /**
     * The transfer state machine (statemachines/transfer.asl.json), for the functions that start it
     * or serve its tasks (TRANSFER_STATE_MACHINE_ARN); read apart from the record so that wirings
     * written before transfers keep their shape.
     */
    public Optional<String> transferStateMachineArn() {
        return Env.optional("TRANSFER_STATE_MACHINE_ARN");
    }

    /** The token signing key (a copy), fetched on the first call of the container. */
    public byte[] tokenSecret() {
        return tokenSecretSource.get().clone();
    }

    private static byte[] checked(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("The token signing secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        return bytes;
    }

}
