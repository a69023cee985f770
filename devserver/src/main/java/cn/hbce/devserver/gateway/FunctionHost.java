package cn.hbce.devserver.gateway;

import cn.hbce.devserver.template.SamTemplate.FunctionDef;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hosts the template's functions in this JVM. Each handler class is created on its first
 * invocation, through its no-argument constructor, as Lambda does at a cold start.
 */
public final class FunctionHost {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Map<String, FunctionDef> functions = new LinkedHashMap<>();
    private final Map<String, RequestHandler<Object, Object>> instances = new ConcurrentHashMap<>();

    public FunctionHost(Iterable<FunctionDef> defs) {
        defs.forEach(d -> functions.put(d.logicalId(), d));
    }

    public boolean has(String logicalId) {
        return functions.containsKey(logicalId);
    }

    public Iterable<String> names() {
        return functions.keySet();
    }

    @SuppressWarnings("unchecked")
    public <I, O> O invoke(String logicalId, I event) {
        RequestHandler<Object, Object> handler = instances.computeIfAbsent(logicalId, this::instantiate);
        return (O) handler.handleRequest(event, new LocalLambdaContext(UUID.randomUUID().toString(), logicalId, 15));
    }

    /** Invokes with a JSON payload, converted to the handler's input type as the Lambda runtime does. */
    public String invokeJson(String functionRef, String payloadJson) throws Exception {
        String logicalId = logicalIdOf(functionRef);
        RequestHandler<Object, Object> handler = instances.computeIfAbsent(logicalId, this::instantiate);
        Object input = MAPPER.readValue(payloadJson, MAPPER.constructType(inputType(handler.getClass())));
        Object output = handler.handleRequest(input, new LocalLambdaContext(UUID.randomUUID().toString(), logicalId, 15));
        return MAPPER.writeValueAsString(output);
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

    @SuppressWarnings("unchecked")
    private RequestHandler<Object, Object> instantiate(String logicalId) {
        FunctionDef def = functions.get(logicalId);
        if (def == null) {
            throw new IllegalArgumentException("No function " + logicalId + " in the template");
        }
        String className = def.handler().contains("::") ? def.handler().substring(0, def.handler().indexOf("::")) : def.handler();
        try {
            return (RequestHandler<Object, Object>) Class.forName(className).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create handler " + className + " of " + logicalId, e);
        }
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
