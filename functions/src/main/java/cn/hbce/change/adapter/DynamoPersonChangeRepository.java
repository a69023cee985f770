package cn.hbce.change.adapter;

import cn.hbce.change.ChangeStatus;
import cn.hbce.change.FieldChange;
import cn.hbce.change.PersonChange;
import cn.hbce.change.PersonChangeRepository;
import cn.hbce.common.aws.Cursors;
import cn.hbce.common.aws.Item;
import cn.hbce.common.files.AttachedFile;
import cn.hbce.common.json.JsonMapper;
import cn.hbce.common.paging.CursorCodec;
import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Requests at {@code PERSON#id / CHANGE#submittedMillis#reviewId} (newest first by a backward query);
 * the pending mark ({@code pendingChange}), the title fields, {@code version} and the id of the
 * last change applied ({@code lastTitleChange}) on the person's {@code PERSON#id / PROFILE}.
 */
public final class DynamoPersonChangeRepository implements PersonChangeRepository {
    private static final String PREFIX = "CHANGE#";
    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() { };
    private static final TypeReference<List<AttachedFile>> FILES = new TypeReference<>() { };
    private final DynamoDbClient dynamo;
    private final String table;
    private final CursorCodec cursors;

    public DynamoPersonChangeRepository(DynamoDbClient dynamo, String table, CursorCodec cursors) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = cursors;
    }

    @Override
    public boolean reservePending(String personId, String reviewId) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(profile(personId))
                    .updateExpression("SET pendingChange = :r")
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(pendingChange)")
                    .expressionAttributeValues(Map.of(":r", Item.s(reviewId))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public void releasePending(String personId, String reviewId) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(profile(personId))
                    .updateExpression("REMOVE pendingChange")
                    .conditionExpression("pendingChange = :r")
                    .expressionAttributeValues(Map.of(":r", Item.s(reviewId))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Released before (a retried effect) or never ours.
        }
    }

    @Override
    public void save(PersonChange c) {
        Item item = Item.create("PERSON#" + c.personId(), sk(c.submittedAt(), c.reviewId()))
                .put("entity", "PERSON_CHANGE")
                .put("reviewId", c.reviewId())
                .put("personId", c.personId())
                .put("status", c.status().name())
                .put("changes", write(c.changes()))
                .put("reason", c.reason())
                .put("files", write(c.files()))
                .put("submittedAt", c.submittedAt().toString());
        dynamo.putItem(p -> p.tableName(table).item(item.asMap()).conditionExpression("attribute_not_exists(PK)"));
    }

    @Override
    public void discard(PersonChange c) {
        dynamo.deleteItem(d -> d.tableName(table).key(Item.key("PERSON#" + c.personId(), sk(c.submittedAt(), c.reviewId()))));
    }

    @Override
    public boolean decide(String personId, Instant submittedAt, String reviewId, ChangeStatus status, String comment,
                          Instant at) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":s", Item.s(status.name()), ":p", Item.s("PENDING"),
                ":at", Item.s(at.toString())));
        String update = "SET #s = :s, decidedAt = :at";
        if (comment != null) {
            update += ", #c = :c";
            values.put(":c", Item.s(comment));
        }
        String expression = update;
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Item.key("PERSON#" + personId, sk(submittedAt, reviewId)))
                    .updateExpression(expression)
                    .conditionExpression("#s = :p")
                    .expressionAttributeNames(comment == null ? Map.of("#s", "status") : Map.of("#s", "status", "#c", "comment"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException decidedBefore) {
            return false;
        }
    }

    @Override
    public Page<PersonChange> requests(String personId, PageRequest page) {
        String pk = "PERSON#" + personId;
        String scope = CursorCodec.scope("person-changes", pk);
        Map<String, AttributeValue> start = page.cursor().map(c -> Cursors.decode(cursors, scope, c, "PK", pk)).orElse(null);
        if (start != null && !start.get("SK").s().startsWith(PREFIX)) {
            throw CursorCodec.invalid();
        }
        var response = dynamo.query(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                .expressionAttributeValues(Map.of(":pk", Item.s(pk), ":sk", Item.s(PREFIX)))
                .scanIndexForward(false)
                .exclusiveStartKey(start)
                .limit(page.limit() + 1));
        List<Map<String, AttributeValue>> rows = response.items();
        if (rows.size() <= page.limit()) {
            return new Page<>(rows.stream().map(DynamoPersonChangeRepository::fromItem).toList(), null);
        }
        List<Map<String, AttributeValue>> shown = rows.subList(0, page.limit());
        Map<String, AttributeValue> last = shown.get(shown.size() - 1);
        return new Page<>(shown.stream().map(DynamoPersonChangeRepository::fromItem).toList(),
                Cursors.encode(cursors, scope, Map.of("PK", last.get("PK"), "SK", last.get("SK"))));
    }

    @Override
    public java.util.Optional<PersonChange> request(String personId, String reviewId) {
        // A person's requests are few (one pending at a time): read them and pick the one.
        var response = dynamo.query(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                .filterExpression("reviewId = :r")
                .expressionAttributeValues(Map.of(":pk", Item.s("PERSON#" + personId), ":sk", Item.s(PREFIX),
                        ":r", Item.s(reviewId))));
        return response.items().stream().map(DynamoPersonChangeRepository::fromItem).findFirst();
    }

    @Override
    public List<PersonChange> latest(String personId, int limit) {
        var response = dynamo.query(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                .expressionAttributeValues(Map.of(":pk", Item.s("PERSON#" + personId), ":sk", Item.s(PREFIX)))
                .scanIndexForward(false)
                .limit(limit));
        return response.items().stream().map(DynamoPersonChangeRepository::fromItem).toList();
    }

    @Override
    public Applied applyTitle(String personId, long expectedVersion, String reviewId, Map<String, String> values) {
        Map<String, String> names = new HashMap<>(Map.of("#v", "version"));
        Map<String, AttributeValue> vals = new HashMap<>(Map.of(":ev", Item.n(expectedVersion), ":nv", Item.n(expectedVersion + 1),
                ":rid", Item.s(reviewId)));
        StringBuilder update = new StringBuilder("SET #v = :nv, lastTitleChange = :rid");
        int i = 0;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!TITLE_FIELDS.contains(e.getKey())) {
                throw new IllegalArgumentException("Not a title field: " + e.getKey());
            }
            names.put("#f" + i, e.getKey());
            vals.put(":f" + i, Item.s(e.getValue()));
            update.append(", #f").append(i).append(" = :f").append(i);
            i++;
        }
        try {
            dynamo.updateItem(r -> r.tableName(table).key(profile(personId))
                    .updateExpression(update.toString())
                    .conditionExpression("#v = :ev AND (attribute_not_exists(lastTitleChange) OR lastTitleChange <> :rid)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(vals));
            return Applied.APPLIED;
        } catch (ConditionalCheckFailedException e) {
            var item = dynamo.getItem(g -> g.tableName(table).key(profile(personId)).consistentRead(true)).item();
            return reviewId.equals(Item.of(item).str("lastTitleChange")) ? Applied.ALREADY_APPLIED : Applied.STALE;
        }
    }

    private static final java.util.Set<String> TITLE_FIELDS = java.util.Set.of("titleSeries", "titleLevel", "titleObtainedOn");

    private static PersonChange fromItem(Map<String, AttributeValue> row) {
        Item i = Item.of(row);
        return new PersonChange(i.str("reviewId"), i.str("personId"), ChangeStatus.valueOf(i.str("status")),
                read(i.str("changes"), CHANGES), i.str("reason"), read(i.str("files"), FILES),
                Instant.parse(i.str("submittedAt")), i.optStr("decidedAt").map(Instant::parse).orElse(null), i.str("comment"));
    }

    private static String sk(Instant submittedAt, String reviewId) {
        // Epoch milliseconds, zero-padded, sort as time does (Instant.toString drops trailing zeros and would not).
        return PREFIX + String.format("%013d", submittedAt.toEpochMilli()) + "#" + reviewId;
    }

    private static Map<String, AttributeValue> profile(String personId) {
        return Item.key("PERSON#" + personId, "PROFILE");
    }

    private static String write(Object value) {
        try {
            return JsonMapper.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return json == null ? null : JsonMapper.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
