package cn.hbce.devserver.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The IAM action and resource of a Step Functions or Secrets Manager request (AWS JSON protocol,
 * {@code X-Amz-Target: <prefix>.<Operation>}): the ARN named in the body, or {@code *} for the
 * operations that take no resource-level permission (task tokens, listings).
 */
public final class JsonServiceRequests {
    private JsonServiceRequests() {
    }

    public static List<AccessRequest> stepFunctions(String target, JsonNode body) {
        String operation = operation(target, "AWSStepFunctions.");
        String action = "states:" + operation;
        String resource = switch (operation) {
            case "StartExecution", "StartSyncExecution", "DescribeStateMachine", "ListExecutions", "UpdateStateMachine",
                 "DeleteStateMachine" -> body.path("stateMachineArn").asText("*");
            case "DescribeExecution", "StopExecution", "GetExecutionHistory", "DescribeStateMachineForExecution" ->
                    body.path("executionArn").asText("*");
            default -> "*";
        };
        return List.of(new AccessRequest(action, resource));
    }

    /** {@code secretArn} turns a secret's name into its ARN (a request may name a secret either way). */
    public static List<AccessRequest> secretsManager(String target, JsonNode body, UnaryOperator<String> secretArn) {
        String operation = operation(target, "secretsmanager.");
        String id = body.path("SecretId").asText(null);
        String resource = id == null ? "*" : id.startsWith("arn:") ? id : secretArn.apply(id);
        return List.of(new AccessRequest("secretsmanager:" + operation, resource));
    }

    private static String operation(String target, String prefix) {
        if (target == null || !target.startsWith(prefix)) {
            throw new IllegalArgumentException("Unexpected X-Amz-Target " + target);
        }
        return target.substring(prefix.length());
    }
}
