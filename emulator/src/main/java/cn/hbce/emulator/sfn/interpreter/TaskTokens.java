package cn.hbce.emulator.sfn.interpreter;

import cn.hbce.emulator.sfn.errors.ServiceError;
import cn.hbce.emulator.sfn.errors.StatesError;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Task tokens of {@code .waitForTaskToken} tasks. A token encodes its execution ARN, so a token
 * from an ended task is answered TaskTimedOut (as AWS does) even after a restart.
 */
public final class TaskTokens {

    private static final String PREFIX = "sfnlocal1|";
    private static final int MAX_TOKEN_LENGTH = 1024;

    private final Map<String, PendingTask> pending = new ConcurrentHashMap<>();
    private final Predicate<String> executionExists;

    public TaskTokens(Predicate<String> executionExists) {
        this.executionExists = executionExists;
    }

    public String create(String executionArn) {
        String plain = PREFIX + executionArn + "|" + UUID.randomUUID();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The waiting task of a token, created if needed (a resumed execution reserves its token early). */
    PendingTask await(String token, String executionArn) {
        return pending.computeIfAbsent(token, t -> new PendingTask(executionArn));
    }

    void release(String token) {
        pending.remove(token);
    }

    /** Forgets every token of an ended execution, including ones reserved at restore that were never awaited. */
    void releaseAll(String executionArn) {
        pending.values().removeIf(task -> task.executionArn().equals(executionArn));
    }

    public int waitingCount() {
        return pending.size();
    }

    /** Tokens of tasks currently waiting for a callback. */
    public java.util.Set<String> waitingTokens() {
        return java.util.Set.copyOf(pending.keySet());
    }

    public void succeed(String token, JsonNode output) {
        PendingTask task = find(token);
        if (!task.outcome().complete(output)) {
            throw timedOut();
        }
        pending.remove(token);
    }

    public void fail(String token, String error, String cause) {
        PendingTask task = find(token);
        if (!task.outcome().completeExceptionally(new StatesError(error == null ? "" : error, cause == null ? "" : cause))) {
            throw timedOut();
        }
        pending.remove(token);
    }

    public void heartbeat(String token) {
        find(token).heartbeat();
    }

    private PendingTask find(String token) {
        String executionArn = executionOf(token)
                .orElseThrow(() -> new ServiceError("InvalidToken", "Invalid Token: '" + abbreviate(token) + "'"));
        PendingTask task = pending.get(token);
        if (task != null && !task.outcome().isDone()) {
            return task;
        }
        if (task != null || executionExists.test(executionArn)) {
            throw timedOut();
        }
        throw new ServiceError("TaskDoesNotExist", "Task does not exist anymore");
    }

    private static ServiceError timedOut() {
        return new ServiceError("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
    }

    static Optional<String> executionOf(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!plain.startsWith(PREFIX)) {
                return Optional.empty();
            }
            int separator = plain.lastIndexOf('|');
            return separator > PREFIX.length() ? Optional.of(plain.substring(PREFIX.length(), separator))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String abbreviate(String token) {
        return token == null ? "null" : token.length() > 40 ? token.substring(0, 40) + "..." : token;
    }
}
