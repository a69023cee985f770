package cn.hbce.hours.adapter;

import cn.hbce.common.aws.Item;
import cn.hbce.common.paging.CursorCodec;
import cn.hbce.common.paging.Page;
import cn.hbce.hours.HoursQuery;
import cn.hbce.hours.HoursRecord;
import cn.hbce.hours.HoursRepository;
import cn.hbce.hours.RecordIds;
import cn.hbce.hours.RecordStatus;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Hours records in the table (see {@link DynamoHoursItems} for the keys). */
public final class DynamoHoursRepository implements HoursRepository {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int BATCH = 25;
    /** Unprocessed items are retried with a growing pause; this many rounds without progress is a failure. */
    private static final int MAX_STALLED_ROUNDS = 8;
    private static final int FILTERED_PAGE = 500;
    private final DynamoDbClient dynamo;
    private final String table;
    private final CursorCodec cursors;

    public DynamoHoursRepository(DynamoDbClient dynamo, String table, CursorCodec cursors) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = cursors;
    }

    @Override
    public boolean create(HoursRecord record) {
        try {
            dynamo.putItem(p -> p.tableName(table).item(DynamoHoursItems.toItem(record)).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public void putAll(Collection<HoursRecord> records) {
        List<WriteRequest> all = records.stream()
                .map(r -> WriteRequest.builder().putRequest(PutRequest.builder().item(DynamoHoursItems.toItem(r)).build()).build())
                .toList();
        for (int from = 0; from < all.size(); from += BATCH) {
            writeBatch(all.subList(from, Math.min(all.size(), from + BATCH)));
        }
    }

    /** One BatchWriteItem of at most 25, then its UnprocessedItems again (backing off) until none are left. */
    private void writeBatch(List<WriteRequest> batch) {
        List<WriteRequest> pending = batch;
        int stalled = 0;
        while (!pending.isEmpty()) {
            List<WriteRequest> sending = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, sending)));
            List<WriteRequest> left = response.hasUnprocessedItems()
                    ? response.unprocessedItems().getOrDefault(table, List.of()) : List.of();
            if (left.size() >= pending.size()) {
                if (++stalled > MAX_STALLED_ROUNDS) {
                    throw new IllegalStateException("BatchWriteItem made no progress for " + left.size() + " hours records");
                }
            } else {
                stalled = 0;
            }
            if (!left.isEmpty()) {
                sleep(Math.min(1000L, 25L << Math.min(stalled, 5)));
            }
            pending = left;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying unprocessed hours records", e);
        }
    }

    @Override
    public List<HoursRecord> ofPersonYear(String personId, int year) {
        return query(personId, Optional.of(year + "#"));
    }

    @Override
    public List<HoursRecord> ofPerson(String personId) {
        List<HoursRecord> all = new ArrayList<>(query(personId, Optional.empty()));
        all.sort(Comparator.comparingInt(HoursRecord::year).reversed().thenComparing(HoursRecord::createdAt));
        return all;
    }

    private List<HoursRecord> query(String personId, Optional<String> prefix) {
        List<HoursRecord> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":pk", Item.s(DynamoHoursItems.pk(personId)));
            prefix.ifPresent(p -> values.put(":sk", Item.s(p)));
            QueryResponse page = dynamo.query(q -> q.tableName(table).consistentRead(true)
                    .keyConditionExpression(prefix.isPresent() ? "PK = :pk AND begins_with(SK, :sk)" : "PK = :pk")
                    .expressionAttributeValues(values).exclusiveStartKey(exclusiveStart));
            page.items().forEach(i -> out.add(DynamoHoursItems.fromItem(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public Optional<HoursRecord> get(String recordId) {
        Optional<RecordIds.Parts> parts = RecordIds.parse(recordId);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(DynamoHoursItems.key(parts.get().personId(), parts.get().year(), recordId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(DynamoHoursItems.fromItem(item));
    }

    @Override
    public boolean decide(String recordId, String reviewId, RecordStatus outcome, Instant at) {
        RecordIds.Parts parts = RecordIds.parse(recordId).orElseThrow();
        try {
            dynamo.updateItem(u -> u.tableName(table).key(DynamoHoursItems.key(parts.personId(), parts.year(), recordId))
                    .updateExpression("SET #s = :o, decidedAt = :at")
                    .conditionExpression("#s = :p AND reviewId = :r")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":o", Item.s(outcome.name()), ":p", Item.s(RecordStatus.PENDING.name()),
                            ":r", Item.s(reviewId), ":at", Item.s(at.toString()))));
            return true;
        } catch (ConditionalCheckFailedException decidedOrGone) {
            return false;
        }
    }

    @Override
    public Optional<RecordStatus> softDelete(String recordId, String reason, String deletedBy, Instant at) {
        RecordIds.Parts parts = RecordIds.parse(recordId).orElseThrow();
        try {
            var old = dynamo.updateItem(u -> u.tableName(table).key(DynamoHoursItems.key(parts.personId(), parts.year(), recordId))
                    .updateExpression("SET #s = :d, deleteReason = :why, deletedBy = :by, deletedAt = :at")
                    .conditionExpression("attribute_exists(PK) AND #s <> :d")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":d", Item.s(RecordStatus.DELETED.name()), ":why", Item.s(reason),
                            ":by", Item.s(deletedBy), ":at", Item.s(at.toString())))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            return Optional.of(RecordStatus.valueOf(Item.of(old).str("status")));
        } catch (ConditionalCheckFailedException alreadyDeleted) {
            return Optional.empty();
        }
    }

    @Override
    public Page<HoursRecord> list(HoursQuery query) {
        Map<String, AttributeValue> values = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        List<String> filters = new ArrayList<>();
        query.status().ifPresent(s -> {
            names.put("#s", "status");
            values.put(":st", Item.s(s.name()));
            filters.add("#s = :st");
        });
        query.category().ifPresent(c -> {
            values.put(":cat", Item.s(c.name()));
            filters.add("category = :cat");
        });
        query.onlyUnitOrgId().ifPresent(u -> {
            values.put(":unit", Item.s(u));
            filters.add("unitOrgId = :unit");
        });
        query.text().ifPresent(q -> {
            values.put(":q", Item.s(q));
            filters.add("contains(searchText, :q)");
        });
        String keyCondition = "GSI1PK = :pk";
        if (query.year().isPresent()) {
            values.put(":y", Item.s(query.year().get() + "#"));
            keyCondition += " AND begins_with(GSI1SK, :y)";
        }
        // The cursor holds the partition it stopped in and the key in it, bound to this caller, these
        // partitions and every filter, so it cannot be replayed elsewhere.
        String scope = CursorCodec.scope("hours", query.scopeOrgId(), String.join(",", query.deptOrgIds()), query.year(),
                query.category(), query.status(), query.onlyUnitOrgId(), query.text());
        int partition = 0;
        Map<String, AttributeValue> start = null;
        if (query.cursor().isPresent()) {
            Position p = open(scope, query.cursor().get(), query.deptOrgIds());
            partition = p.partition();
            start = p.key();
        }
        List<HoursRecord> items = new ArrayList<>();
        String next = null;
        while (partition < query.deptOrgIds().size() && items.size() < query.limit()) {
            String pk = "HOURSDEPT#" + query.deptOrgIds().get(partition);
            values.put(":pk", Item.s(pk));
            QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName("GSI1")
                    .keyConditionExpression(keyCondition).expressionAttributeValues(new HashMap<>(values))
                    .scanIndexForward(false).limit(filters.isEmpty() ? query.limit() : FILTERED_PAGE).exclusiveStartKey(start);
            if (!names.isEmpty()) {
                request.expressionAttributeNames(names);
            }
            if (!filters.isEmpty()) {
                request.filterExpression(String.join(" AND ", filters));
            }
            QueryResponse page = dynamo.query(request.build());
            Map<String, AttributeValue> stoppedAt = null;
            for (var row : page.items()) {
                items.add(DynamoHoursItems.fromItem(row));
                if (items.size() == query.limit()) {
                    stoppedAt = keyOf(row);
                    break;
                }
            }
            boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
            if (stoppedAt != null) {
                next = seal(scope, partition, stoppedAt);
                break;
            }
            if (more) {
                start = page.lastEvaluatedKey();
            } else {
                partition++;
                start = null;
            }
            if (items.size() == query.limit()) {
                next = partition < query.deptOrgIds().size() ? seal(scope, partition, start) : null;
            }
        }
        return new Page<>(items, next);
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> row) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : List.of("PK", "SK", "GSI1PK", "GSI1SK")) {
            key.put(name, row.get(name));
        }
        return key;
    }

    private record Position(int partition, Map<String, AttributeValue> key) {
    }

    private String seal(String scope, int partition, Map<String, AttributeValue> key) {
        Map<String, Object> position = new LinkedHashMap<>();
        position.put("p", partition);
        if (key != null) {
            Map<String, String> plain = new LinkedHashMap<>();
            key.forEach((k, v) -> plain.put(k, v.s()));
            position.put("k", plain);
        }
        try {
            return cursors.seal(scope, MAPPER.writeValueAsString(position));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Position open(String scope, String cursor, List<String> partitions) {
        String raw = cursors.open(scope, cursor);
        try {
            Map<String, Object> position = MAPPER.readValue(raw, new TypeReference<>() { });
            int partition = ((Number) position.get("p")).intValue();
            if (partition < 0 || partition >= partitions.size()) {
                throw CursorCodec.invalid();
            }
            @SuppressWarnings("unchecked")
            Map<String, String> plain = (Map<String, String>) position.get("k");
            if (plain == null) {
                return new Position(partition, null);
            }
            if (!("HOURSDEPT#" + partitions.get(partition)).equals(plain.get("GSI1PK"))) {
                throw CursorCodec.invalid();
            }
            Map<String, AttributeValue> key = new HashMap<>();
            plain.forEach((k, v) -> key.put(k, AttributeValue.fromS(v)));
            return new Position(partition, key);
        } catch (IOException | ClassCastException | NullPointerException e) {
            throw CursorCodec.invalid();
        }
    }
}
