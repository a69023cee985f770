package cn.hbce.common.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** The settings every function shares, read once per container. */
public record AppConfig(
        String tableName,
        String bucketName,
        byte[] tokenSecret,
        Duration tokenLifetime,
        Duration adminIdleLimit,
        Optional<String> approvalStateMachineArn,
        long decisionTimeoutSeconds,
        Duration roleCacheTtl) {

    public static final int MIN_SECRET_BYTES = 32;

    public static AppConfig fromEnvironment() {
        byte[] secret = Env.required("TOKEN_SECRET").getBytes(StandardCharsets.UTF_8);
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("TOKEN_SECRET must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        return new AppConfig(
                Env.required("TABLE_NAME"),
                Env.optional("BUCKET_NAME").orElse(""),
                secret,
                Duration.ofMinutes(Long.parseLong(Env.optional("TOKEN_LIFETIME_MINUTES").orElse("120"))),
                Duration.ofMinutes(Long.parseLong(Env.optional("ADMIN_IDLE_MINUTES").orElse("30"))),
                Env.optional("APPROVAL_STATE_MACHINE_ARN"),
                Long.parseLong(Env.optional("DECISION_TIMEOUT_SECONDS").orElse(String.valueOf(30L * 24 * 3600))),
                Duration.ofSeconds(Long.parseLong(Env.optional("ROLE_CACHE_SECONDS").orElse("30"))));
    }
}
