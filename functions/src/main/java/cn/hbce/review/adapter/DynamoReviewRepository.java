package cn.hbce.review.adapter;

import cn.hbce.review.Review;
import cn.hbce.review.ReviewKind;
import cn.hbce.review.ReviewQuery;
import cn.hbce.review.ReviewRepository;
import cn.hbce.review.ReviewStatus;
import cn.hbce.review.ReviewStep;

import cn.hbce.common.paging.CursorCodec;
import cn.hbce.common.paging.Page;

import cn.hbce.common.aws.FilteredQueryPages;
import cn.hbce.common.aws.Item;
import cn.hbce.common.json.JsonMapper;
import cn.hbce.counters.TodoCounts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Reviews at {@code REVIEW#id / META}; each deciding org's step at {@code REVIEW#id / STEP#stage#org},
 * listed in queues through GSI2 ({@code QUEUE#org#kind}) and GSI3 ({@code QUEUE#org}), both sorted by
 * {@code status#submittedMillis#reviewId}.
 */
public final class DynamoReviewRepository implements ReviewRepository {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<List<String>>> STAGES = new TypeReference<>() { };
    private final DynamoDbClient dynamo;
    private final String table;
    private final CursorCodec cursors;
    private final TodoCounts todo;

    public DynamoReviewRepository(DynamoDbClient dynamo, String table, CursorCodec cursors) {
        this(dynamo, table, cursors, null);
    }

    /**
     * With {@code todo}, every conditional write that creates, ends or reopens a step also bumps the
     * deciding org's to-do counter (only when that write succeeded), and {@link #pendingByKind}
     * reads the counter item instead of counting the queue.
     */
    public DynamoReviewRepository(DynamoDbClient dynamo, String table, CursorCodec cursors, TodoCounts todo) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = cursors;
        this.todo = todo;
    }

    @Override
    public boolean create(Review r) {
        Item item = Item.create("REVIEW#" + r.reviewId(), "META")
                .put("entity", "REVIEW")
                .put("reviewId", r.reviewId())
                .put("kind", r.kind().name())
                .put("status", r.status().name())
                .put("subjectId", r.subjectId())
                .put("subject", write(r.subject()))
                .put("detail", write(r.detail()))
                .put("searchText", r.searchText())
                .put("stages", write(r.stages()))
                .put("submittedBy", r.submittedBy())
                .put("submittedAt", r.submittedAt().toString());
        try {
            dynamo.putItem(p -> p.tableName(table).item(item.asMap()).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Optional<Review> get(String reviewId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(Item.key("REVIEW#" + reviewId, "META")).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Item i = Item.of(item);
        return Optional.of(new Review(i.str("reviewId"), ReviewKind.valueOf(i.str("kind")), ReviewStatus.valueOf(i.str("status")),
                i.str("subjectId"), read(i.str("subject"), MAP), read(i.str("detail"), MAP), i.str("searchText"),
                read(i.str("stages"), STAGES), i.str("submittedBy"), Instant.parse(i.str("submittedAt")),
                i.optStr("decidedAt").map(Instant::parse).orElse(null)));
    }

    @Override
    public ReviewStep openStep(ReviewStep s) {
        Item item = stepItem(s);
        try {
            dynamo.putItem(p -> p.tableName(table).item(item.asMap()).conditionExpression("attribute_not_exists(PK)"));
            if (todo != null && s.status() == ReviewStatus.PENDING) {
                todo.opened(s.orgId(), s.kind().name());
            }
            return s;
        } catch (ConditionalCheckFailedException exists) {
            var after = dynamo.updateItem(u -> u.tableName(table).key(stepKey(s.reviewId(), s.stageIndex(), s.orgId()))
                    .updateExpression("SET taskToken = :t")
                    .expressionAttributeValues(Map.of(":t", Item.s(s.taskToken())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return stepOf(Item.of(after));
        }
    }

    @Override
    public boolean createClosedStep(ReviewStep s) {
        Item item = stepItem(s);
        if (s.decidedAt() != null) {
            item.put("decidedAt", s.decidedAt().toString());
        }
        if (s.decidedBy() != null) {
            item.put("decidedBy", s.decidedBy());
        }
        if (s.comment() != null) {
            item.put("comment", s.comment());
        }
        try {
            dynamo.putItem(p -> p.tableName(table).item(item.asMap()).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public List<ReviewStep> steps(String reviewId) {
        var response = dynamo.query(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                .expressionAttributeValues(Map.of(":pk", Item.s("REVIEW#" + reviewId), ":sk", Item.s("STEP#"))));
        return response.items().stream().map(Item::of).map(DynamoReviewRepository::stepOf).toList();
    }

    @Override
    public boolean decideStep(ReviewStep s, ReviewStatus outcome, String decidedBy, String comment, Instant at) {
        return moveStep(s, outcome, decidedBy, comment, at);
    }

    @Override
    public boolean reopenStep(ReviewStep s, ReviewStatus outcome, String decidedBy) {
        String sort = sortKey(ReviewStatus.PENDING, s.submittedAt(), s.reviewId());
        try {
            dynamo.updateItem(u -> u.tableName(table).key(stepKey(s.reviewId(), s.stageIndex(), s.orgId()))
                    .updateExpression("SET #s = :p, GSI2SK = :sort, GSI3SK = :sort REMOVE decidedAt, decidedBy, #c")
                    .conditionExpression("#s = :o AND decidedBy = :by")
                    .expressionAttributeNames(Map.of("#s", "status", "#c", "comment"))
                    .expressionAttributeValues(Map.of(":p", Item.s(ReviewStatus.PENDING.name()), ":sort", Item.s(sort),
                            ":o", Item.s(outcome.name()), ":by", Item.s(decidedBy))));
            if (todo != null) {
                todo.opened(s.orgId(), s.kind().name());
            }
            return true;
        } catch (ConditionalCheckFailedException movedOn) {
            return false;
        }
    }

    @Override
    public void closeOpenSteps(String reviewId, ReviewStatus status, Instant at) {
        for (ReviewStep s : steps(reviewId)) {
            if (s.status().open()) {
                moveStep(s, status, null, null, at);
            }
        }
    }

    private boolean moveStep(ReviewStep s, ReviewStatus outcome, String decidedBy, String comment, Instant at) {
        String sort = sortKey(outcome, s.submittedAt(), s.reviewId());
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":o", Item.s(outcome.name()));
        values.put(":p", Item.s(ReviewStatus.PENDING.name()));
        values.put(":at", Item.s(at.toString()));
        values.put(":sort", Item.s(sort));
        StringBuilder update = new StringBuilder("SET #s = :o, decidedAt = :at, GSI2SK = :sort, GSI3SK = :sort");
        if (decidedBy != null) {
            update.append(", decidedBy = :by");
            values.put(":by", Item.s(decidedBy));
        }
        if (comment != null) {
            update.append(", #c = :c");
            values.put(":c", Item.s(comment));
        }
        Map<String, String> names = new HashMap<>(Map.of("#s", "status"));
        if (comment != null) {
            names.put("#c", "comment");
        }
        try {
            dynamo.updateItem(u -> u.tableName(table).key(stepKey(s.reviewId(), s.stageIndex(), s.orgId()))
                    .updateExpression(update.toString())
                    .conditionExpression("#s = :p")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            if (todo != null) {
                todo.closed(s.orgId(), s.kind().name());
            }
            return true;
        } catch (ConditionalCheckFailedException decided) {
            return false;
        }
    }

    @Override
    public boolean finish(String reviewId, ReviewStatus outcome, Instant at) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(Item.key("REVIEW#" + reviewId, "META"))
                    .updateExpression("SET #s = :o, decidedAt = :at")
                    .conditionExpression("#s = :p")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":o", Item.s(outcome.name()), ":p", Item.s("PENDING"),
                            ":at", Item.s(at.toString()))));
            return true;
        } catch (ConditionalCheckFailedException ended) {
            return false;
        }
    }

    @Override
    public Page<ReviewStep> queue(String orgId, ReviewQuery query) {
        boolean byKind = query.kind().isPresent();
        String index = byKind ? "GSI2" : "GSI3";
        String pkName = index + "PK";
        String skName = index + "SK";
        String pk = byKind ? "QUEUE#" + orgId + "#" + query.kind().get().name() : "QUEUE#" + orgId;
        Map<String, AttributeValue> values = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        values.put(":pk", Item.s(pk));
        String keyCondition = "#pk = :pk";
        names.put("#pk", pkName);
        List<String> filters = new ArrayList<>();
        if (query.status().isPresent()) {
            String status = query.status().get().name();
            names.put("#sk", skName);
            values.put(":lo", Item.s(status + "#" + query.from().map(DynamoReviewRepository::millis).orElse("0")));
            values.put(":hi", Item.s(status + "#" + query.to().map(DynamoReviewRepository::millis).orElse("9999999999999") + "~"));
            keyCondition += " AND #sk BETWEEN :lo AND :hi";
        } else {
            query.from().ifPresent(f -> {
                filters.add("submittedMillis >= :from");
                values.put(":from", Item.n(f.toEpochMilli()));
            });
            query.to().ifPresent(t -> {
                filters.add("submittedMillis <= :to");
                values.put(":to", Item.n(t.toEpochMilli()));
            });
        }
        if (query.kind().isEmpty() && query.visibleKinds().size() < ReviewKind.values().length) {
            List<String> placeholders = new ArrayList<>();
            int n = 0;
            for (ReviewKind k : query.visibleKinds()) {
                placeholders.add(":k" + n);
                values.put(":k" + n++, Item.s(k.name()));
            }
            names.put("#kind", "kind");
            filters.add("#kind IN (" + String.join(", ", placeholders) + ")");
        }
        query.text().ifPresent(q -> {
            filters.add("contains(searchText, :q)");
            values.put(":q", Item.s(q));
        });
        // The cursor is bound to this exact query: the queue, every filter and the kinds the caller may see.
        String scope = CursorCodec.scope("reviews", index, pk, query.status(), query.from(), query.to(), query.text(),
                new java.util.TreeSet<>(query.visibleKinds()));
        return FilteredQueryPages.read(dynamo, new FilteredQueryPages.IndexPartition(table, index, pkName, skName, pk),
                keyCondition, filters, names, values, query.limit(), cursors, scope, query.cursor(), DynamoReviewRepository::stepOf);
    }

    @Override
    public long countPending(String orgId, ReviewKind kind) {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            var page = dynamo.query(q -> q.tableName(table).indexName("GSI2").select(Select.COUNT)
                    .keyConditionExpression("GSI2PK = :pk AND begins_with(GSI2SK, :p)")
                    .expressionAttributeValues(Map.of(":pk", Item.s("QUEUE#" + orgId + "#" + kind.name()),
                            ":p", Item.s("PENDING#")))
                    .exclusiveStartKey(exclusiveStart));
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    @Override
    public PendingCounts pendingByKind(String orgId) {
        if (todo == null) {
            return ReviewRepository.super.pendingByKind(orgId);
        }
        TodoCounts.Snapshot snapshot = todo.read(orgId);
        Map<ReviewKind, Long> counts = new java.util.EnumMap<>(ReviewKind.class);
        snapshot.byKind().forEach((kind, n) -> ReviewKind.parse(kind).ifPresent(k -> counts.put(k, Math.max(0, n))));
        return new PendingCounts(counts, snapshot.asOf());
    }

    private static Item stepItem(ReviewStep s) {
        String sort = sortKey(s.status(), s.submittedAt(), s.reviewId());
        return Item.create("REVIEW#" + s.reviewId(), "STEP#" + s.stageIndex() + "#" + s.orgId())
                .put("entity", "REVIEW_STEP")
                .put("reviewId", s.reviewId())
                .put("stageIndex", s.stageIndex())
                .put("orgId", s.orgId())
                .put("kind", s.kind().name())
                .put("status", s.status().name())
                .put("taskToken", s.taskToken())
                .put("subject", write(s.subject()))
                .put("searchText", s.searchText())
                .put("submittedAt", s.submittedAt().toString())
                .put("submittedMillis", s.submittedAt().toEpochMilli())
                .put("GSI2PK", "QUEUE#" + s.orgId() + "#" + s.kind().name())
                .put("GSI2SK", sort)
                .put("GSI3PK", "QUEUE#" + s.orgId())
                .put("GSI3SK", sort);
    }

    private static ReviewStep stepOf(Item i) {
        return new ReviewStep(i.str("reviewId"), (int) i.num("stageIndex", 0), i.str("orgId"),
                ReviewKind.valueOf(i.str("kind")), ReviewStatus.valueOf(i.str("status")), i.str("taskToken"),
                read(i.str("subject"), MAP), i.str("searchText"), Instant.parse(i.str("submittedAt")),
                i.optStr("decidedAt").map(Instant::parse).orElse(null), i.str("decidedBy"), i.str("comment"));
    }

    private static Map<String, AttributeValue> stepKey(String reviewId, int stage, String orgId) {
        return Item.key("REVIEW#" + reviewId, "STEP#" + stage + "#" + orgId);
    }

    private static String sortKey(ReviewStatus status, Instant submittedAt, String reviewId) {
        return status.name() + "#" + millis(submittedAt) + "#" + reviewId;
    }

    private static String millis(Instant at) {
        return String.format("%013d", at.toEpochMilli());
    }

    private static String write(Object value) {
        try {
            return JsonMapper.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return JsonMapper.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
