package cn.hbce.stats.adapter;

import cn.hbce.common.aws.BatchReads;
import cn.hbce.common.aws.Item;
import cn.hbce.org.OrgType;
import cn.hbce.stats.Figures;
import cn.hbce.stats.StatsStore;
import cn.hbce.counters.TodoCounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Statistics items in the single table: counters at {@code STATS#{orgId}#{shard} / LIVE | Y#{year}},
 * to-do counts at {@code STATS#{orgId}#0 / TODO}, snapshots at {@code STATS#{orgId}#0 / SNAP#{year}}.
 * The shard is part of the partition key, so shards of a hot org land on different partitions.
 */
public final class DynamoStatsStore implements StatsStore {
    /** Attributes of counter items that are not counts. */
    private static final Set<String> NOT_COUNTS = Set.of("PK", "SK", "entity", "orgId", "updatedAt", "checkedAt",
            "computedAt", "scope", "year");
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoStatsStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String pk(String orgId, int shard) {
        return "STATS#" + orgId + "#" + shard;
    }

    @Override
    public void add(OrgRef org, String scope, Figures deltas, Instant at) {
        if (deltas.asMap().isEmpty()) {
            return;
        }
        int shard = ThreadLocalRandom.current().nextInt(StatsStore.shards(org.type()));
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> adds = new ArrayList<>();
        int n = 0;
        for (var e : deltas.asMap().entrySet()) {
            names.put("#f" + n, e.getKey());
            values.put(":d" + n, Item.n(e.getValue()));
            adds.add("#f" + n + " :d" + n);
            n++;
        }
        values.put(":at", Item.s(at.toString()));
        values.put(":e", Item.s("STATS_COUNTER"));
        values.put(":o", Item.s(org.orgId()));
        String update = "SET updatedAt = :at, entity = :e, orgId = :o ADD " + String.join(", ", adds);
        dynamo.updateItem(u -> u.tableName(table).key(Item.key(pk(org.orgId(), shard), scope))
                .updateExpression(update).expressionAttributeNames(names).expressionAttributeValues(values));
    }

    @Override
    public Map<String, Figures> read(List<OrgRef> orgs, String scope) {
        Map<String, Figures> out = new LinkedHashMap<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (OrgRef org : orgs) {
            out.put(org.orgId(), new Figures());
            for (int s = 0; s < StatsStore.shards(org.type()); s++) {
                keys.add(Item.key(pk(org.orgId(), s), scope));
            }
        }
        for (Map<String, AttributeValue> item : batchGet(keys)) {
            Figures f = out.get(Item.of(item).str("orgId"));
            if (f != null) {
                f.addAll(countsOf(item));
            }
        }
        return out;
    }

    @Override
    public void overwrite(OrgRef org, String scope, Figures exact, Instant at) {
        Item item = Item.create(pk(org.orgId(), 0), scope).put("entity", "STATS_COUNTER").put("orgId", org.orgId())
                .put("updatedAt", at.toString()).put("checkedAt", at.toString());
        exact.asMap().forEach((field, value) -> {
            if (value != 0) {
                item.put(field, value);
            }
        });
        dynamo.putItem(p -> p.tableName(table).item(item.asMap()));
        for (int s = 1; s < StatsStore.shards(org.type()); s++) {
            int shard = s;
            dynamo.deleteItem(d -> d.tableName(table).key(Item.key(pk(org.orgId(), shard), scope)));
        }
    }

    @Override
    public Optional<Instant> checkedAt(String orgId) {
        var item = dynamo.getItem(g -> g.tableName(table).key(Item.key(pk(orgId, 0), LIVE))
                .projectionExpression("checkedAt")).item();
        return item == null ? Optional.empty() : Item.of(item).optStr("checkedAt").map(Instant::parse);
    }

    @Override
    public void writeSnapshot(String orgId, int year, Figures figures, Instant at) {
        Item item = Item.create(pk(orgId, 0), "SNAP#" + year).put("entity", "STATS_SNAPSHOT").put("orgId", orgId)
                .put("year", year).put("computedAt", at.toString());
        figures.asMap().forEach((field, value) -> {
            if (value != 0) {
                item.put(field, value);
            }
        });
        dynamo.putItem(p -> p.tableName(table).item(item.asMap()));
    }

    @Override
    public Optional<Snapshot> snapshot(String orgId, int year) {
        var item = dynamo.getItem(g -> g.tableName(table).key(Item.key(pk(orgId, 0), "SNAP#" + year))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Snapshot(countsOf(item), Instant.parse(Item.of(item).str("computedAt"))));
    }

    @Override
    public void addTodo(String orgId, String kind, long delta, Instant at) {
        dynamo.updateItem(u -> u.tableName(table).key(Item.key(pk(orgId, 0), "TODO"))
                .updateExpression("SET updatedAt = :at, entity = :e, orgId = :o ADD #k :d")
                .expressionAttributeNames(Map.of("#k", kind))
                .expressionAttributeValues(Map.of(":at", Item.s(at.toString()), ":e", Item.s("STATS_TODO"),
                        ":o", Item.s(orgId), ":d", Item.n(delta))));
    }

    @Override
    public TodoCounts.Snapshot todo(String orgId, Instant now) {
        var item = dynamo.getItem(g -> g.tableName(table).key(Item.key(pk(orgId, 0), "TODO"))).item();
        if (item == null || item.isEmpty()) {
            return new TodoCounts.Snapshot(Map.of(), null, now);
        }
        return new TodoCounts.Snapshot(countsOf(item).asMap(),
                Item.of(item).optStr("checkedAt").map(Instant::parse).orElse(null), now);
    }

    @Override
    public void overwriteTodo(String orgId, Map<String, Long> byKind, Instant at) {
        Item item = Item.create(pk(orgId, 0), "TODO").put("entity", "STATS_TODO").put("orgId", orgId)
                .put("updatedAt", at.toString()).put("checkedAt", at.toString());
        byKind.forEach((kind, n) -> {
            if (n != 0) {
                item.put(kind, n);
            }
        });
        dynamo.putItem(p -> p.tableName(table).item(item.asMap()));
    }

    @Override
    public List<Child> children(String orgId) {
        List<Child> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            var page = dynamo.query(q -> q.tableName(table).indexName("GSI1")
                    .keyConditionExpression("GSI1PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", Item.s("CHILD#" + orgId)))
                    .exclusiveStartKey(exclusiveStart));
            for (var row : page.items()) {
                Item i = Item.of(row);
                out.add(new Child(i.str("orgId"), i.str("name"), OrgType.valueOf(i.str("type"))));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        return BatchReads.all(dynamo, table, keys, false);
    }

    private static Figures countsOf(Map<String, AttributeValue> item) {
        Figures f = new Figures();
        item.forEach((name, value) -> {
            if (!NOT_COUNTS.contains(name) && value.n() != null) {
                f.add(name, Long.parseLong(value.n()));
            }
        });
        return f;
    }
}
