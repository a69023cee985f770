package cn.hbce.devserver.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a DynamoDB request needs from IAM: the action from {@code X-Amz-Target}, the table (or
 * index) ARN from the body, one request per table for the batch and transaction operations, and
 * {@code dynamodb:LeadingKeys}: the partition key values of the items the request touches.
 */
public final class DynamoDbRequests {
    private static final String PREFIX = "DynamoDB_20120810.";
    private final String arnPrefix;
    private final Map<String, String> partitionKeyByTable;

    /** {@code partitionKeyByTable}: each local table's partition key attribute (for LeadingKeys). */
    public DynamoDbRequests(String region, String account, Map<String, String> partitionKeyByTable) {
        this.arnPrefix = "arn:aws:dynamodb:" + region + ":" + account + ":table/";
        this.partitionKeyByTable = Map.copyOf(partitionKeyByTable);
    }

    public List<AccessRequest> of(String target, JsonNode body) {
        if (target == null || !target.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a DynamoDB request: X-Amz-Target " + target);
        }
        String operation = target.substring(PREFIX.length());
        String action = "dynamodb:" + operation;
        List<AccessRequest> out = new ArrayList<>();
        switch (operation) {
            case "GetItem", "DeleteItem", "UpdateItem" -> out.add(item(action, body.path("TableName").asText(), body.path("Key")));
            case "PutItem" -> out.add(item(action, body.path("TableName").asText(), body.path("Item")));
            case "Query", "Scan" -> {
                String table = body.path("TableName").asText();
                String resource = arnPrefix + table + (body.hasNonNull("IndexName") ? "/index/" + body.path("IndexName").asText() : "");
                Map<String, List<String>> context = operation.equals("Scan") ? Map.of()
                        : body.hasNonNull("IndexName") ? Map.of("dynamodb:LeadingKeys", AccessRequest.UNKNOWN)
                        : leadingKeys(queryPartitionValue(table, body));
                out.add(new AccessRequest(action, resource, context));
            }
            case "BatchGetItem" -> body.path("RequestItems").fields().forEachRemaining(e -> {
                List<String> keys = new ArrayList<>();
                e.getValue().path("Keys").forEach(k -> keys.addAll(partitionValue(e.getKey(), k)));
                out.add(new AccessRequest(action, arnPrefix + e.getKey(), Map.of("dynamodb:LeadingKeys", keys)));
            });
            case "BatchWriteItem" -> body.path("RequestItems").fields().forEachRemaining(e -> {
                List<String> keys = new ArrayList<>();
                e.getValue().forEach(w -> {
                    keys.addAll(partitionValue(e.getKey(), w.path("PutRequest").path("Item")));
                    keys.addAll(partitionValue(e.getKey(), w.path("DeleteRequest").path("Key")));
                });
                out.add(new AccessRequest(action, arnPrefix + e.getKey(), Map.of("dynamodb:LeadingKeys", keys)));
            });
            case "TransactWriteItems" -> body.path("TransactItems").forEach(t -> {
                Iterator<Map.Entry<String, JsonNode>> kinds = t.fields();
                Map.Entry<String, JsonNode> kind = kinds.next();
                JsonNode op = kind.getValue();
                String perItem = switch (kind.getKey()) {
                    case "Put" -> "dynamodb:PutItem";
                    case "Update" -> "dynamodb:UpdateItem";
                    case "Delete" -> "dynamodb:DeleteItem";
                    default -> "dynamodb:ConditionCheckItem";
                };
                out.add(item(perItem, op.path("TableName").asText(), op.has("Item") ? op.path("Item") : op.path("Key")));
            });
            case "TransactGetItems" -> body.path("TransactItems").forEach(t ->
                    out.add(item("dynamodb:GetItem", t.path("Get").path("TableName").asText(), t.path("Get").path("Key"))));
            case "ListTables" -> out.add(new AccessRequest(action, "*"));
            default -> out.add(new AccessRequest(action, arnPrefix + body.path("TableName").asText()));
        }
        return out;
    }

    private AccessRequest item(String action, String table, JsonNode keyOrItem) {
        return new AccessRequest(action, arnPrefix + table, leadingKeys(partitionValue(table, keyOrItem)));
    }

    private static Map<String, List<String>> leadingKeys(List<String> values) {
        return values == AccessRequest.UNKNOWN ? Map.of("dynamodb:LeadingKeys", AccessRequest.UNKNOWN)
                : Map.of("dynamodb:LeadingKeys", values);
    }

    private List<String> partitionValue(String table, JsonNode keyOrItem) {
        String attribute = partitionKeyByTable.get(table);
        if (attribute == null || keyOrItem.isMissingNode()) {
            return List.of();
        }
        JsonNode value = keyOrItem.path(attribute);
        String text = scalar(value);
        return text == null ? List.of() : List.of(text);
    }

    /** The partition key value of a Query's KeyConditionExpression ({@code PK = :v}, names resolved). */
    private List<String> queryPartitionValue(String table, JsonNode body) {
        String attribute = partitionKeyByTable.get(table);
        String expression = body.path("KeyConditionExpression").asText(null);
        if (attribute == null || expression == null) {
            return AccessRequest.UNKNOWN;
        }
        Map<String, String> names = new LinkedHashMap<>();
        body.path("ExpressionAttributeNames").fields().forEachRemaining(e -> names.put(e.getKey(), e.getValue().asText()));
        for (String clause : expression.split("(?i)\\s+AND\\s+")) {
            String[] sides = clause.trim().replaceAll("^\\(|\\)$", "").split("\\s*=\\s*");
            if (sides.length == 2) {
                String name = names.getOrDefault(sides[0].trim(), sides[0].trim());
                if (name.equals(attribute)) {
                    String text = scalar(body.path("ExpressionAttributeValues").path(sides[1].trim()));
                    return text == null ? AccessRequest.UNKNOWN : List.of(text);
                }
            }
        }
        return AccessRequest.UNKNOWN;
    }

    private static String scalar(JsonNode attributeValue) {
        for (String type : List.of("S", "N", "B")) {
            if (attributeValue.hasNonNull(type)) {
                return attributeValue.path(type).asText();
            }
        }
        return null;
    }
}
