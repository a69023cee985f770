package cn.hbce.devserver.gateway;

import cn.hbce.devserver.runtime.FunctionContainer;
import cn.hbce.devserver.runtime.FunctionError;
import cn.hbce.devserver.runtime.LambdaLimits;
import cn.hbce.devserver.template.SamTemplate.FunctionDef;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Hosts the template's functions in this JVM, each in an execution environment of its own
 * ({@link FunctionContainer}: own class loader, own environment) made at its first invocation, as
 * Lambda does at a cold start. An invocation runs under the function's template {@code Timeout}:
 * past it the invocation fails with Lambda's "Task timed out after N.00 seconds" and the
 * environment is thrown away (the next call is a cold start, as after a timeout on Lambda).
 */
public final class FunctionHost {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Map<String, FunctionDef> functions = new LinkedHashMap<>();
    private volatile Map<String, Map<String, String>> environments;
    private final Map<String, FunctionContainer> containers = new ConcurrentHashMap<>();
    private final ExecutorService invocations = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "function");
        t.setDaemon(true);
        return t;
    });

    /** Functions with no environment (test doubles of the devserver itself). */
    public FunctionHost(Iterable<FunctionDef> defs) {
        this(defs, Map.of());
    }

    /** {@code environments}: each function's resolved environment, by logical id (missing: empty). */
    public FunctionHost(Iterable<FunctionDef> defs, Map<String, Map<String, String>> environments) {
        defs.forEach(d -> functions.put(d.logicalId(), d));
        this.environments = Map.copyOf(environments);
    }

    /** Sets each function's environment, before the first invocation of any of them. */
    public void configure(Map<String, Map<String, String>> environments) {
        this.environments = Map.copyOf(environments);
    }

    /** Thrown when a caller stopped waiting before the function ended (API Gateway's integration timeout). */
    public static final class IntegrationTimeout extends RuntimeException {
        IntegrationTimeout(String functionId) {
            super(functionId + " did not answer within the integration timeout");
        }
    }

    public boolean has(String logicalId) {
        return functions.containsKey(logicalId);
    }

    public Iterable<String> names() {
        return functions.keySet();
    }

    /** The environment the function gets (empty for a function with none). */
    public Map<String, String> environment(String logicalId) {
        definition(logicalId);
        return environments.getOrDefault(logicalId, Map.of());
    }

    /** The function's template Timeout in seconds. */
    public int timeoutSeconds(String logicalId) {
        return definition(logicalId).timeoutSeconds();
    }

    /** Invokes and waits for the end of the invocation (at most the function's Timeout). */
    public <I, O> O invoke(String logicalId, I event) {
        return invoke(logicalId, event, Long.MAX_VALUE);
    }

    /**
     * Invokes and waits at most {@code waitMillis}: if the function is still running then, it goes
     * on (until its own Timeout) and the caller gets {@link IntegrationTimeout}.
     */
    @SuppressWarnings("unchecked")
    public <I, O> O invoke(String logicalId, I event, long waitMillis) {
        FunctionDef def = definition(logicalId);
        FunctionContainer container = container(logicalId);
        String requestId = UUID.randomUUID().toString();
        Future<Object> running = invocations.submit(() -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(container.loader());
            try {
                return container.handler().handleRequest(event,
                        new LocalLambdaContext(requestId, logicalId, def.timeoutSeconds(), def.memoryMb()));
            } finally {
                thread.setContextClassLoader(previous);
            }
        });
        long timeoutMillis = def.timeoutSeconds() * 1000L;
        try {
            return (O) running.get(Math.min(waitMillis, timeoutMillis), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            if (waitMillis < timeoutMillis) {
                enforceTimeoutLater(logicalId, container, running, requestId, timeoutMillis - waitMillis);
                throw new IntegrationTimeout(logicalId);
            }
            throw timedOut(logicalId, container, running, requestId);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error e) {
                throw e;
            }
            throw new FunctionError(cause.getClass().getName(), String.valueOf(cause.getMessage()), cause);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running.cancel(true);
            throw new IllegalStateException("Interrupted while " + logicalId + " ran", interrupted);
        }
    }

    /**
     * Invokes with a JSON payload, converted to the handler's input type as the Lambda runtime does;
     * the payload and the answer are held to Lambda's 6 MB limits.
     */
    public String invokeJson(String functionRef, String payloadJson) throws Exception {
        String logicalId = logicalIdOf(functionRef);
        if (payloadJson.getBytes(StandardCharsets.UTF_8).length > LambdaLimits.MAX_REQUEST_BYTES) {
            throw new FunctionError("RequestEntityTooLargeException", LambdaLimits.requestTooLarge(), null);
        }
        RequestHandler<Object, Object> handler = container(logicalId).handler();
        Object input = MAPPER.readValue(payloadJson, MAPPER.constructType(inputType(handler.getClass())));
        String output = MAPPER.writeValueAsString((Object) invoke(logicalId, input));
        int size = output.getBytes(StandardCharsets.UTF_8).length;
        if (size > LambdaLimits.MAX_RESPONSE_BYTES) {
            throw new FunctionError("Function.ResponseSizeTooLarge", LambdaLimits.responseTooLarge(size), null);
        }
        return output;
    }

    /** A function name, a logical id, or a Lambda ARN (with or without qualifier). */
    public String logicalIdOf(String functionRef) {
        String name = functionRef;
        if (name.startsWith("arn:")) {
            String[] parts = name.split(":");
            name = parts.length > 6 ? parts[6] : name;
        } else if (name.contains(":")) {
            name = name.substring(0, name.indexOf(':'));
        }
        if (!functions.containsKey(name)) {
            throw new IllegalArgumentException("No function " + functionRef + " in the template");
        }
        return name;
    }

    private FunctionDef definition(String logicalId) {
        FunctionDef def = functions.get(logicalId);
        if (def == null) {
            throw new IllegalArgumentException("No function " + logicalId + " in the template");
        }
        return def;
    }

    private FunctionContainer container(String logicalId) {
        FunctionDef def = definition(logicalId);
        return containers.computeIfAbsent(logicalId, id ->
                FunctionContainer.start(id, def.handler(), environments.getOrDefault(id, Map.of())));
    }

    private FunctionError timedOut(String logicalId, FunctionContainer container, Future<Object> running, String requestId) {
        running.cancel(true);
        // Lambda ends the environment of a timed-out invocation: the next one starts cold.
        containers.remove(logicalId, container);
        String message = LambdaLimits.timedOut(timeoutSeconds(logicalId));
        System.err.println(Instant.now() + " " + requestId + " " + logicalId + " " + message);
        return new FunctionError("Sandbox.Timedout", message, null);
    }

    private void enforceTimeoutLater(String logicalId, FunctionContainer container, Future<Object> running, String requestId,
                                     long remainingMillis) {
        invocations.submit(() -> {
            try {
                running.get(remainingMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                timedOut(logicalId, container, running, requestId);
            } catch (Exception ignored) {
                // The function failed on its own: its caller already gave up.
            }
        });
    }

    private static Type inputType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    return p.getActualTypeArguments()[0];
                }
            }
            Type sup = c.getGenericSuperclass();
            if (sup instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                    && RequestHandler.class.isAssignableFrom(raw)) {
                for (Type t : raw.getGenericInterfaces()) {
                    if (t instanceof ParameterizedType pi && pi.getRawType() == RequestHandler.class) {
                        return pi.getActualTypeArguments()[0];
                    }
                }
            }
        }
        return Map.class;
    }
}
