package cn.hbce.emulator.sfn.tasks;

import static cn.hbce.emulator.sfn.tasks.DynamoDbJson.fromItem;
import static cn.hbce.emulator.sfn.tasks.DynamoDbJson.stringMap;
import static cn.hbce.emulator.sfn.tasks.DynamoDbJson.toItem;

import cn.hbce.emulator.sfn.errors.StatesError;
import cn.hbce.emulator.sfn.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** The optimized DynamoDB integrations: getItem, putItem, updateItem, deleteItem. */
final class DynamoDbTasks {

    private static final Set<String> COMMON = Set.of("TableName", "ReturnConsumedCapacity");
    private static final Set<String> CONDITIONAL = Set.of("ConditionExpression", "ExpressionAttributeNames",
            "ExpressionAttributeValues", "ReturnValues", "ReturnItemCollectionMetrics",
            "ReturnValuesOnConditionCheckFailure");

    private final DynamoDbClient client;

    DynamoDbTasks(DynamoDbClient client) {
        this.client = client;
    }

    JsonNode call(String action, JsonNode parameters) {
        if (client == null) {
            throw StatesError.runtime("No DynamoDB client is configured for dynamodb:" + action);
        }
        if (!parameters.isObject() || !parameters.path("TableName").isTextual()) {
            throw StatesError.runtime("The dynamodb:" + action + " Parameters must contain a string 'TableName'");
        }
        try {
            return switch (action) {
                case "getItem" -> getItem(parameters);
                case "putItem" -> putItem(parameters);
                case "updateItem" -> updateItem(parameters);
                case "deleteItem" -> deleteItem(parameters);
                default -> throw StatesError.runtime("dynamodb:" + action + " is not supported");
            };
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            throw new StatesError("DynamoDB." + (code == null ? "AmazonDynamoDBException" : code), describe(e, code));
        } catch (SdkException e) {
            throw new StatesError("DynamoDB.AmazonDynamoDBException", e.getMessage());
        }
    }

    private JsonNode getItem(JsonNode p) {
        allow(p, "getItem", Set.of("Key", "ConsistentRead", "ProjectionExpression", "ExpressionAttributeNames",
                "AttributesToGet"));
        GetItemResponse response = client.getItem(b -> b.tableName(text(p, "TableName"))
                .key(toItem(p.get("Key"), "Key"))
                .consistentRead(p.has("ConsistentRead") ? p.get("ConsistentRead").asBoolean() : null)
                .projectionExpression(text(p, "ProjectionExpression"))
                .expressionAttributeNames(stringMap(p.get("ExpressionAttributeNames")))
                .returnConsumedCapacity(text(p, "ReturnConsumedCapacity")));
        ObjectNode result = Json.object();
        if (response.hasItem() && response.item() != null) {
            result.set("Item", fromItem(response.item()));
        }
        addCapacity(result, response.consumedCapacity());
        return withMetadata(result);
    }

    private JsonNode putItem(JsonNode p) {
        allow(p, "putItem", union(CONDITIONAL, Set.of("Item")));
        PutItemResponse response = client.putItem(b -> b.tableName(text(p, "TableName"))
                .item(toItem(p.get("Item"), "Item"))
                .conditionExpression(text(p, "ConditionExpression"))
                .expressionAttributeNames(stringMap(p.get("ExpressionAttributeNames")))
                .expressionAttributeValues(values(p))
                .returnValues(text(p, "ReturnValues"))
                .returnConsumedCapacity(text(p, "ReturnConsumedCapacity"))
                .returnItemCollectionMetrics(text(p, "ReturnItemCollectionMetrics"))
                .returnValuesOnConditionCheckFailure(text(p, "ReturnValuesOnConditionCheckFailure")));
        return withAttributes(response.hasAttributes() ? response.attributes() : null, response.consumedCapacity());
    }

    private JsonNode updateItem(JsonNode p) {
        allow(p, "updateItem", union(CONDITIONAL, Set.of("Key", "UpdateExpression")));
        UpdateItemResponse response = client.updateItem(b -> b.tableName(text(p, "TableName"))
                .key(toItem(p.get("Key"), "Key"))
                .updateExpression(text(p, "UpdateExpression"))
                .conditionExpression(text(p, "ConditionExpression"))
                .expressionAttributeNames(stringMap(p.get("ExpressionAttributeNames")))
                .expressionAttributeValues(values(p))
                .returnValues(text(p, "ReturnValues"))
                .returnConsumedCapacity(text(p, "ReturnConsumedCapacity"))
                .returnItemCollectionMetrics(text(p, "ReturnItemCollectionMetrics"))
                .returnValuesOnConditionCheckFailure(text(p, "ReturnValuesOnConditionCheckFailure")));
        return withAttributes(response.hasAttributes() ? response.attributes() : null, response.consumedCapacity());
    }

    private JsonNode deleteItem(JsonNode p) {
        allow(p, "deleteItem", union(CONDITIONAL, Set.of("Key")));
        DeleteItemResponse response = client.deleteItem(b -> b.tableName(text(p, "TableName"))
                .key(toItem(p.get("Key"), "Key"))
                .conditionExpression(text(p, "ConditionExpression"))
                .expressionAttributeNames(stringMap(p.get("ExpressionAttributeNames")))
                .expressionAttributeValues(values(p))
                .returnValues(text(p, "ReturnValues"))
                .returnConsumedCapacity(text(p, "ReturnConsumedCapacity"))
                .returnItemCollectionMetrics(text(p, "ReturnItemCollectionMetrics"))
                .returnValuesOnConditionCheckFailure(text(p, "ReturnValuesOnConditionCheckFailure")));
        return withAttributes(response.hasAttributes() ? response.attributes() : null, response.consumedCapacity());
    }

    private static JsonNode withAttributes(Map<String, AttributeValue> attributes, ConsumedCapacity capacity) {
        ObjectNode result = Json.object();
        if (attributes != null && !attributes.isEmpty()) {
            result.set("Attributes", fromItem(attributes));
        }
        addCapacity(result, capacity);
        return withMetadata(result);
    }

    private static void addCapacity(ObjectNode result, ConsumedCapacity capacity) {
        if (capacity != null) {
            ObjectNode node = result.putObject("ConsumedCapacity");
            node.put("TableName", capacity.tableName());
            if (capacity.capacityUnits() != null) {
                node.put("CapacityUnits", capacity.capacityUnits());
            }
        }
    }

    private static JsonNode withMetadata(ObjectNode result) {
        String requestId = UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
        ObjectNode http = result.putObject("SdkHttpMetadata");
        ObjectNode headers = Json.object();
        headers.put("Content-Type", "application/x-amz-json-1.0");
        headers.put("x-amzn-RequestId", requestId);
        ObjectNode all = Json.object();
        headers.fields().forEachRemaining(h -> all.putArray(h.getKey()).add(h.getValue().asText()));
        http.set("AllHttpHeaders", all);
        http.set("HttpHeaders", headers);
        http.put("HttpStatusCode", 200);
        result.putObject("SdkResponseMetadata").put("RequestId", requestId);
        return result;
    }

    private static Map<String, AttributeValue> values(JsonNode p) {
        JsonNode values = p.get("ExpressionAttributeValues");
        return values == null ? null : toItem(values, "ExpressionAttributeValues");
    }

    private static String text(JsonNode p, String field) {
        JsonNode value = p.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void allow(JsonNode p, String action, Set<String> specific) {
        p.fieldNames().forEachRemaining(field -> {
            if (!COMMON.contains(field) && !specific.contains(field)) {
                throw StatesError.runtime("The field '" + field + "' is not supported by dynamodb:" + action);
            }
        });
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String describe(AwsServiceException e, String code) {
        String message = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage() : e.getMessage();
        return message + " (Service: DynamoDb, Status Code: " + e.statusCode() + ", Request ID: " + e.requestId()
                + (code == null ? "" : ", Error Code: " + code) + ")";
    }
}
