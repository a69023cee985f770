package cn.hbce.stats.adapter;

import cn.hbce.common.aws.Item;
import cn.hbce.stats.Contributions;
import cn.hbce.stats.Figures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Person contributions at {@code STATS#PERSON#{personId} / Y#{year}} (orgId, figures as a map,
 * version) and transfer markers at {@code STATS#PERSON#{personId} / MOVE#{transferId}}. Both are
 * written with UpdateItem under {@code STATS#} keys only, like the counters, so a function that
 * bumps counters needs no other write permission for them.
 */
public final class DynamoContributions implements Contributions {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoContributions(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String pk(String personId) {
        return "STATS#PERSON#" + personId;
    }

    @Override
    public Optional<Stored> get(String personId, int year) {
        var item = dynamo.getItem(g -> g.tableName(table).key(Item.key(pk(personId), "Y#" + year)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Figures f = new Figures();
        AttributeValue figures = item.get("figures");
        if (figures != null && figures.hasM()) {
            figures.m().forEach((k, v) -> f.add(k, Long.parseLong(v.n())));
        }
        Item i = Item.of(item);
        return Optional.of(new Stored(i.optStr("orgId").orElse(null), f, i.num("version", 0)));
    }

    @Override
    public boolean replace(String personId, int year, long expectedVersion, String orgId, Figures figures, Instant at) {
        Map<String, AttributeValue> counts = new HashMap<>();
        figures.asMap().forEach((k, v) -> {
            if (v != 0) {
                counts.put(k, Item.n(v));
            }
        });
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":f", AttributeValue.fromM(counts));
        values.put(":v", Item.n(expectedVersion));
        values.put(":nv", Item.n(expectedVersion + 1));
        values.put(":e", Item.s("STATS_CONTRIBUTION"));
        values.put(":p", Item.s(personId));
        values.put(":y", Item.n(year));
        values.put(":at", Item.s(at.toString()));
        String set = "SET figures = :f, version = :nv, entity = :e, personId = :p, #y = :y, updatedAt = :at";
        String update;
        if (orgId == null) {
            update = set + " REMOVE orgId";
        } else {
            values.put(":o", Item.s(orgId));
            update = set + ", orgId = :o";
        }
        String condition = expectedVersion == 0 ? "attribute_not_exists(PK)" : "version = :v";
        if (expectedVersion == 0) {
            values.remove(":v");
        }
        try {
            dynamo.updateItem(u -> u.tableName(table).key(Item.key(pk(personId), "Y#" + year)).updateExpression(update)
                    .conditionExpression(condition).expressionAttributeNames(Map.of("#y", "year"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public List<Integer> years(String personId) {
        List<Integer> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamo.query(q -> q.tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :y)")
                    .expressionAttributeValues(Map.of(":pk", Item.s(pk(personId)), ":y", Item.s("Y#")))
                    .projectionExpression("SK").exclusiveStartKey(from));
            for (var row : page.items()) {
                out.add(Integer.parseInt(row.get("SK").s().substring(2)));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public boolean markMoved(String personId, String transferId, Instant at) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(Item.key(pk(personId), "MOVE#" + transferId))
                    .updateExpression("SET entity = :e, movedAt = :at").conditionExpression("attribute_not_exists(PK)")
                    .expressionAttributeValues(Map.of(":e", Item.s("STATS_MOVE"), ":at", Item.s(at.toString()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
