package cn.hbce.review.adapter;

import cn.hbce.review.PersonWorkRegistry;
import cn.hbce.review.ReviewKind;

import cn.hbce.common.aws.Item;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Pending work at {@code PERSON#{personId} / WORK#{reviewId}} and the transfer hold at
 * {@code PERSON#{personId} / TRANSFERHOLD}: both in the person's partition, read consistently.
 */
public final class DynamoPersonWorkRegistry implements PersonWorkRegistry {
    private static final String HOLD = "TRANSFERHOLD";
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoPersonWorkRegistry(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void addPending(String personId, String reviewId, ReviewKind kind, Instant at) {
        Item item = Item.create("PERSON#" + personId, "WORK#" + reviewId)
                .put("entity", "PERSON_WORK")
                .put("personId", personId)
                .put("reviewId", reviewId)
                .put("kind", kind.name())
                .put("submittedAt", at.toString());
        dynamo.putItem(p -> p.tableName(table).item(item.asMap()));
    }

    @Override
    public void removePending(String personId, String reviewId) {
        dynamo.deleteItem(d -> d.tableName(table).key(Item.key("PERSON#" + personId, "WORK#" + reviewId)));
    }

    @Override
    public List<PendingWork> pending(String personId) {
        List<PendingWork> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            var page = dynamo.query(q -> q.tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                    .expressionAttributeValues(Map.of(":pk", Item.s("PERSON#" + personId), ":sk", Item.s("WORK#")))
                    .exclusiveStartKey(exclusiveStart));
            for (var row : page.items()) {
                Item i = Item.of(row);
                ReviewKind.parse(i.str("kind")).ifPresent(kind ->
                        out.add(new PendingWork(i.str("reviewId"), kind, Instant.parse(i.str("submittedAt")))));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public boolean hold(String personId, String holderId, Instant at) {
        Item item = Item.create("PERSON#" + personId, HOLD)
                .put("entity", "TRANSFER_HOLD")
                .put("personId", personId)
                .put("holderId", holderId)
                .put("heldAt", at.toString());
        try {
            dynamo.putItem(p -> p.tableName(table).item(item.asMap())
                    .conditionExpression("attribute_not_exists(PK) OR holderId = :h")
                    .expressionAttributeValues(Map.of(":h", Item.s(holderId))));
            return true;
        } catch (ConditionalCheckFailedException held) {
            return false;
        }
    }

    @Override
    public Optional<String> holder(String personId) {
        var item = dynamo.getItem(g -> g.tableName(table).key(Item.key("PERSON#" + personId, HOLD)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(Item.of(item).str("holderId"));
    }

    @Override
    public void release(String personId, String holderId) {
        try {
            dynamo.deleteItem(d -> d.tableName(table).key(Item.key("PERSON#" + personId, HOLD))
                    .conditionExpression("holderId = :h")
                    .expressionAttributeValues(Map.of(":h", Item.s(holderId))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Already released, or never ours: nothing to give back.
        }
    }
}
