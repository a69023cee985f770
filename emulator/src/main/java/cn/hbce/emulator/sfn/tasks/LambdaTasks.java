package cn.hbce.emulator.sfn.tasks;

import cn.hbce.emulator.sfn.LambdaInvocationException;
import cn.hbce.emulator.sfn.LambdaInvoker;
import cn.hbce.emulator.sfn.errors.StatesError;
import cn.hbce.emulator.sfn.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

/** Runs Lambda tasks through the in-process {@link LambdaInvoker}. */
final class LambdaTasks {

    private static final Set<String> INVOKE_PARAMETERS = Set.of("FunctionName", "Payload", "InvocationType",
            "Qualifier", "ClientContext", "LogType");

    private final LambdaInvoker invoker;
    private final Executor asyncExecutor;

    LambdaTasks(LambdaInvoker invoker, Executor asyncExecutor) {
        this.invoker = invoker;
        this.asyncExecutor = asyncExecutor;
    }

    /** A Lambda function ARN as the resource: the result is the function's own output. */
    JsonNode invokeFunction(String functionRef, JsonNode payload) {
        return invoke(functionRef, payload);
    }

    /** {@code arn:aws:states:::lambda:invoke}: the result is the Lambda Invoke response as Step Functions shows it. */
    JsonNode invokeIntegration(JsonNode parameters) {
        if (!parameters.isObject() || !parameters.path("FunctionName").isTextual()) {
            throw StatesError.runtime("The lambda:invoke Parameters must contain a string 'FunctionName'");
        }
        parameters.fieldNames().forEachRemaining(field -> {
            if (!INVOKE_PARAMETERS.contains(field)) {
                throw StatesError.runtime("The field '" + field + "' is not supported by lambda:invoke");
            }
        });
        String function = parameters.get("FunctionName").textValue();
        if (parameters.hasNonNull("Qualifier")) {
            function = function + ":" + parameters.get("Qualifier").asText();
        }
        JsonNode payload = parameters.has("Payload") ? parameters.get("Payload") : Json.object();
        String invocationType = parameters.path("InvocationType").asText("RequestResponse");
        if ("Event".equals(invocationType)) {
            String target = function;
            asyncExecutor.execute(() -> {
                try {
                    invoke(target, payload);
                } catch (StatesError ignored) {
                    // Asynchronous invocations report nothing back to the state machine, as on AWS.
                }
            });
            return response(202, TextNode.valueOf(""));
        }
        if (!"RequestResponse".equals(invocationType)) {
            throw StatesError.runtime("InvocationType " + invocationType + " is not supported");
        }
        return response(200, invoke(function, payload));
    }

    private JsonNode invoke(String functionRef, JsonNode payload) {
        String result;
        try {
            result = invoker.invoke(functionRef, Json.write(payload));
        } catch (LambdaInvocationException e) {
            throw new StatesError(e.errorType(), causeOf(e));
        } catch (RuntimeException e) {
            throw new StatesError("Lambda.Unknown", "The function " + functionRef + " could not be run: " + e);
        }
        if (result == null || result.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return Json.parse(result);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(result);
        }
    }

    /** Function errors carry the Lambda error payload as cause; service errors just the message. */
    private static String causeOf(LambdaInvocationException e) {
        if (e.errorType().startsWith("Lambda.")) {
            return e.errorMessage();
        }
        ObjectNode cause = Json.object();
        cause.put("errorMessage", e.errorMessage());
        cause.put("errorType", e.errorType());
        cause.putArray("stackTrace");
        return Json.write(cause);
    }

    private static JsonNode response(int statusCode, JsonNode payload) {
        String requestId = UUID.randomUUID().toString();
        ObjectNode response = Json.object();
        response.put("ExecutedVersion", "$LATEST");
        response.set("Payload", payload);
        ObjectNode http = response.putObject("SdkHttpMetadata");
        ObjectNode headers = Json.object();
        headers.put("Connection", "keep-alive");
        headers.put("Content-Type", "application/json");
        headers.put("X-Amz-Executed-Version", "$LATEST");
        headers.put("x-amzn-Remapped-Content-Length", "0");
        headers.put("x-amzn-RequestId", requestId);
        http.set("AllHttpHeaders", allHeaders(headers));
        http.set("HttpHeaders", headers);
        http.put("HttpStatusCode", statusCode);
        response.putObject("SdkResponseMetadata").put("RequestId", requestId);
        response.put("StatusCode", statusCode);
        return response;
    }

    private static ObjectNode allHeaders(ObjectNode headers) {
        ObjectNode all = Json.object();
        headers.fields().forEachRemaining(h -> all.putArray(h.getKey()).add(h.getValue().asText()));
        return all;
    }
}
