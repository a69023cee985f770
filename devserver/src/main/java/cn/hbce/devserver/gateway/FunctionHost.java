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
    /** How often the deadlines of invocations on callers' threads are checked. */
    private static final long DEADLINE_TICK_MILLIS = 20;
    private final Map<String, FunctionDef> functions = new LinkedHashMap<>();
    private volatile Map<String, Map<String, String>> environments;
    private final Map<String, FunctionContainer> containers = new ConcurrentHashMap<>();
    private final ExecutorService invocations = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "function");
        t.setDaemon(true);
        return t;
    });

    /** Invocations running on their callers' threads, watched for their deadlines. */
    private final java.util.Set<CallerThreadInvocation> onCallerThreads = ConcurrentHashMap.newKeySet();
    private volatile Thread deadlines;

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

    /**
     * Invokes on a thread of the host and waits for the end of the invocation, at most the
     * function's Timeout (for callers that must not run functions on their own thread: the Step
     * Functions emulator's tasks, schedules).
     */
    @SuppressWarnings("unchecked")
    public <I, O> O invoke(String logicalId, I event) {
        FunctionDef def = definition(logicalId);
        FunctionContainer container = container(logicalId);
        String requestId = UUID.randomUUID().toString();
        Future<Object> running = invocations.submit(() -> run(def, container, requestId, event));
        try {
            return (O) running.get(def.timeoutSeconds() * 1000L, TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            running.cancel(true);
            discard(logicalId, container, requestId);
            throw timeoutError(logicalId);
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

    /** Thrown to a caller whose answer was given late (see {@link #invokeOnCallerThread}): it has nothing left to say. */
    public static final class AnsweredLate extends RuntimeException {
        AnsweredLate() {
            super(null, null, false, false);
        }
    }

    /**
     * Invokes on this thread (the gateway's), so that a warm request passes no thread hand-off: on
     * two cores each costs more than the handler's own work. When {@code waitMillis} (the integration
     * timeout) passes first, {@code late} gets {@link IntegrationTimeout} from another thread while
     * the function goes on until its Timeout; at its Timeout {@code late} gets the
     * timeout's {@link FunctionError} (unless it had its answer), the thread is interrupted and the
     * environment is thrown away. After a late answer this call ends in {@link AnsweredLate} once
     * the function returns.
     */
    @SuppressWarnings("unchecked")
    public <I, O> O invokeOnCallerThread(String logicalId, I event, long waitMillis, java.util.function.Consumer<RuntimeException> late) {
        FunctionDef def = definition(logicalId);
        FunctionContainer container = container(logicalId);
        String requestId = UUID.randomUUID().toString();
        CallerThreadInvocation watched = new CallerThreadInvocation(System.nanoTime(), waitMillis, def.timeoutSeconds() * 1000L,
                late, () -> discard(logicalId, container, requestId), () -> timeoutError(logicalId),
                () -> new IntegrationTimeout(logicalId));
        watchDeadlines();
        onCallerThreads.add(watched);
        Object result;
        RuntimeException failure = null;
        try {
            result = run(def, container, requestId, event);
        } catch (RuntimeException e) {
            result = null;
            failure = e;
        } finally {
            onCallerThreads.remove(watched);
        }
        if (!watched.end()) {
            throw new AnsweredLate();
        }
        if (failure != null) {
            throw failure;
        }
        return (O) result;
    }

    /** One invocation of the handler on this thread, with the function's class loader as the context's. */
    private static Object run(FunctionDef def, FunctionContainer container, String requestId, Object event) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(container.loader());
        try {
            return container.handler().handleRequest(event,
                    new LocalLambdaContext(requestId, def.logicalId(), def.timeoutSeconds(), def.memoryMb()));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void watchDeadlines() {
        if (deadlines != null) {
            return;
        }
        synchronized (onCallerThreads) {
            if (deadlines == null) {
                Thread t = new Thread(() -> {
                    while (true) {
                        try {
                            Thread.sleep(DEADLINE_TICK_MILLIS);
                        } catch (InterruptedException e) {
                            return;
                        }
                        long now = System.nanoTime();
                        onCallerThreads.forEach(invocation -> invocation.check(now));
                    }
                }, "function-deadlines");
                t.setDaemon(true);
                t.start();
                deadlines = t;
            }
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

    /** Lambda ends the environment of a timed-out invocation: the next one starts cold. */
    private void discard(String logicalId, FunctionContainer container, String requestId) {
        containers.remove(logicalId, container);
        System.err.println(Instant.now() + " " + requestId + " " + logicalId + " " + LambdaLimits.timedOut(timeoutSeconds(logicalId)));
    }

    private FunctionError timeoutError(String logicalId) {
        return new FunctionError("Sandbox.Timedout", LambdaLimits.timedOut(timeoutSeconds(logicalId)), null);
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
