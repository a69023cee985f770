package cn.hbce.emulator.sfn.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.hbce.emulator.sfn.errors.StatesError;
import cn.hbce.emulator.sfn.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

class DynamoDbTasksTest {

    private final AtomicReference<Object> lastRequest = new AtomicReference<>();

    private final DynamoDbClient client = new DynamoDbClient() {
        @Override
        public GetItemResponse getItem(Consumer<GetItemRequest.Builder> request) {
            GetItemRequest built = GetItemRequest.builder().applyMutation(request).build();
            lastRequest.set(built);
            if (built.key().get("pk").s().equals("missing")) {
                return GetItemResponse.builder().build();
            }
            return GetItemResponse.builder().item(Map.of("pk", AttributeValue.fromS("a"),
                    "n", AttributeValue.fromN("5"), "tags", AttributeValue.fromSs(java.util.List.of("x")),
                    "m", AttributeValue.fromM(Map.of("ok", AttributeValue.fromBool(true))))).build();
        }

        @Override
        public UpdateItemResponse updateItem(Consumer<UpdateItemRequest.Builder> request) {
            UpdateItemRequest built = UpdateItemRequest.builder().applyMutation(request).build();
            lastRequest.set(built);
            throw ConditionalCheckFailedException.builder().statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ConditionalCheckFailedException")
                            .errorMessage("The conditional request failed").build()).build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    };

    private final TaskIntegrations integrations = new TaskIntegrations(null, client, Runnable::run);

    private JsonNode call(String action, String parameters) throws Exception {
        return integrations.call(TaskResource.parse("arn:aws:states:::dynamodb:" + action).orElseThrow(),
                Json.parse(parameters.replace('\'', '"')));
    }

    @Test
    void getItemSendsDynamoDbJsonAndReturnsTheItemAsAwsDoes() throws Exception {
        JsonNode result = call("getItem", "{'TableName':'t','Key':{'pk':{'S':'a'}},'ConsistentRead':true}");
        GetItemRequest sent = (GetItemRequest) lastRequest.get();
        assertEquals("t", sent.tableName());
        assertEquals(Boolean.TRUE, sent.consistentRead());
        assertEquals(Json.parse("{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"5\"},\"tags\":{\"SS\":[\"x\"]},"
                + "\"m\":{\"M\":{\"ok\":{\"BOOL\":true}}}}"), result.get("Item"));
        assertEquals(200, result.at("/SdkHttpMetadata/HttpStatusCode").asInt());
    }

    @Test
    void missingItemHasNoItemField() throws Exception {
        assertEquals(false, call("getItem", "{'TableName':'t','Key':{'pk':{'S':'missing'}}}").has("Item"));
    }

    @Test
    void serviceErrorsBecomeDynamoDbPrefixedErrors() {
        StatesError error = assertThrows(StatesError.class, () -> call("updateItem", "{'TableName':'t',"
                + "'Key':{'pk':{'S':'a'}},'UpdateExpression':'SET #s = :s','ConditionExpression':'#s = :old',"
                + "'ExpressionAttributeNames':{'#s':'status'},'ExpressionAttributeValues':{':s':{'S':'DONE'},"
                + "':old':{'S':'PENDING'}}}"));
        assertEquals("DynamoDB.ConditionalCheckFailedException", error.error());
        UpdateItemRequest sent = (UpdateItemRequest) lastRequest.get();
        assertEquals("SET #s = :s", sent.updateExpression());
        assertEquals(AttributeValue.fromS("DONE"), sent.expressionAttributeValues().get(":s"));
    }

    @Test
    void unknownParametersAreRuntimeErrors() {
        StatesError error = assertThrows(StatesError.class, () -> call("getItem",
                "{'TableName':'t','Key':{'pk':{'S':'a'}},'Bogus':1}"));
        assertEquals("States.Runtime", error.error());
    }
}
