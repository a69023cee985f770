package cn.hbce.emulator.sfn.tasks;

import cn.hbce.emulator.sfn.LambdaInvoker;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Executor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Runs the request part of a Task resource and returns its raw result (before ResultSelector). */
public final class TaskIntegrations {

    private final LambdaTasks lambda;
    private final DynamoDbTasks dynamoDb;

    public TaskIntegrations(LambdaInvoker invoker, DynamoDbClient dynamoDbClient, Executor asyncExecutor) {
        this.lambda = new LambdaTasks(invoker, asyncExecutor);
        this.dynamoDb = new DynamoDbTasks(dynamoDbClient);
    }

    /** @throws cn.hbce.emulator.sfn.errors.StatesError when the task fails */
    public JsonNode call(TaskResource resource, JsonNode parameters) {
        return switch (resource.kind()) {
            case LAMBDA_FUNCTION -> lambda.invokeFunction(resource.arn(), parameters);
            case LAMBDA_INVOKE -> lambda.invokeIntegration(parameters);
            case DYNAMODB -> dynamoDb.call(resource.action(), parameters);
        };
    }
}
