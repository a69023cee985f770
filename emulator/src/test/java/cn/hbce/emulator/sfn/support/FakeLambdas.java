package cn.hbce.emulator.sfn.support;

import cn.hbce.emulator.sfn.LambdaInvocationException;
import cn.hbce.emulator.sfn.LambdaInvoker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Lambda functions answered by test code; every call is recorded with the clock time it happened. */
public final class FakeLambdas implements LambdaInvoker {

    /** A function body. */
    @FunctionalInterface
    public interface Handler {
        JsonNode handle(JsonNode event) throws LambdaInvocationException;
    }

    /** One recorded invocation. */
    public record Call(String function, JsonNode payload, Instant at) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Clock clock;

    public FakeLambdas(Clock clock) {
        this.clock = clock;
    }

    public FakeLambdas on(String function, Handler handler) {
        handlers.put(function, handler);
        return this;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String function) {
        return calls.stream().filter(c -> c.function().equals(function)).toList();
    }

    @Override
    public String invoke(String functionRef, String payloadJson) throws LambdaInvocationException {
        String name = functionName(functionRef);
        try {
            JsonNode payload = MAPPER.readTree(payloadJson);
            calls.add(new Call(name, payload, clock.instant()));
            Handler handler = handlers.get(name);
            if (handler == null) {
                throw new LambdaInvocationException("Lambda.ResourceNotFoundException", "Function not found: " + name);
            }
            return MAPPER.writeValueAsString(handler.handle(payload));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The function name of a name, a name:qualifier or a Lambda ARN (with or without qualifier). */
    static String functionName(String functionRef) {
        if (functionRef.startsWith("arn:")) {
            String[] parts = functionRef.split(":");
            return parts[6];
        }
        int colon = functionRef.indexOf(':');
        return colon < 0 ? functionRef : functionRef.substring(0, colon);
    }
}
