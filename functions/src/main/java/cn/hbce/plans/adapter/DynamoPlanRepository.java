package cn.hbce.plans.adapter;

import cn.hbce.common.aws.Cursors;
import cn.hbce.common.aws.Item;
import cn.hbce.common.files.AttachedFile;
import cn.hbce.common.json.JsonMapper;
import cn.hbce.common.paging.CursorCodec;
import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import cn.hbce.plans.Course;
import cn.hbce.plans.PlanKind;
import cn.hbce.plans.PlanRepository;
import cn.hbce.plans.PlanStatus;
import cn.hbce.plans.TrainingPlan;
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

/**
 * Plans at {@code PLAN#id / META}, listed per org through GSI1 ({@code PLANS#org}, sorted by
 * {@code submittedMillis#planId}, read backwards for newest first); the one-pending mark of an org,
 * kind and year at {@code PLANLOCK#org#kind#year / LOCK}, holding the plan's id.
 */
public final class DynamoPlanRepository implements PlanRepository {
    private static final TypeReference<List<AttachedFile>> FILES = new TypeReference<>() { };
    private static final TypeReference<List<Course>> COURSES = new TypeReference<>() { };
    /** Filters drop rows after the read: read bigger pages than asked (DynamoDB still stops at 1 MB). */
    private static final int FILTERED_PAGE = 200;
    private final DynamoDbClient dynamo;
    private final String table;
    private final CursorCodec cursors;

    public DynamoPlanRepository(DynamoDbClient dynamo, String table, CursorCodec cursors) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = cursors;
    }

    @Override
    public boolean reserveYear(String orgId, PlanKind kind, int year, String planId) {
        try {
            dynamo.putItem(p -> p.tableName(table).item(Item.create(lockPk(orgId, kind, year), "LOCK")
                            .put("entity", "PLAN_LOCK").put("planId", planId).asMap())
                    .conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException held) {
            return false;
        }
    }

    @Override
    public void releaseYear(String orgId, PlanKind kind, int year, String planId) {
        try {
            dynamo.deleteItem(d -> d.tableName(table).key(Item.key(lockPk(orgId, kind, year), "LOCK"))
                    .conditionExpression("planId = :p").expressionAttributeValues(Map.of(":p", Item.s(planId))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Freed before (a retried effect) or held by another plan.
        }
    }

    @Override
    public void create(TrainingPlan p) {
        Item item = Item.create("PLAN#" + p.planId(), "META")
                .put("entity", "PLAN")
                .put("GSI1PK", "PLANS#" + p.orgId())
                .put("GSI1SK", String.format("%013d", p.submittedAt().toEpochMilli()) + "#" + p.planId())
                .put("planId", p.planId())
                .put("orgId", p.orgId())
                .put("orgName", p.orgName())
                .put("orgType", p.orgType())
                .put("kind", p.kind().name())
                .put("year", p.year())
                .put("title", p.title())
                .put("content", p.content())
                .put("files", write(p.files()))
                .put("courses", write(p.courses()))
                .put("status", p.status().name())
                .put("reviewId", p.reviewId())
                .put("reviewOrgId", p.reviewOrgId())
                .put("submittedBy", p.submittedBy())
                .put("submittedAt", p.submittedAt().toString());
        dynamo.putItem(r -> r.tableName(table).item(item.asMap()).conditionExpression("attribute_not_exists(PK)"));
    }

    @Override
    public void delete(String planId) {
        dynamo.deleteItem(d -> d.tableName(table).key(Item.key("PLAN#" + planId, "META")));
    }

    @Override
    public Optional<TrainingPlan> get(String planId) {
        var item = dynamo.getItem(g -> g.tableName(table).key(Item.key("PLAN#" + planId, "META")).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public boolean decide(String planId, PlanStatus status, String comment, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":s", Item.s(status.name()), ":p", Item.s("PENDING"),
                ":at", Item.s(at.toString())));
        Map<String, String> names = new HashMap<>(Map.of("#s", "status"));
        String update = "SET #s = :s, decidedAt = :at";
        if (comment != null) {
            update += ", #c = :c";
            names.put("#c", "comment");
            values.put(":c", Item.s(comment));
        }
        String expression = update;
        try {
            dynamo.updateItem(u -> u.tableName(table).key(Item.key("PLAN#" + planId, "META"))
                    .updateExpression(expression).conditionExpression("#s = :p")
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException decidedBefore) {
            return false;
        }
    }

    @Override
    public Page<TrainingPlan> list(String orgId, PlanFilter filter, PageRequest page) {
        String pk = "PLANS#" + orgId;
        String scope = CursorCodec.scope("plans", pk, filter.kind().map(Enum::name).orElse(""),
                filter.year().map(String::valueOf).orElse(""), filter.status().map(Enum::name).orElse(""));
        Map<String, AttributeValue> start = page.cursor().map(c -> Cursors.decode(cursors, scope, c, "GSI1PK", pk)).orElse(null);
        List<Map<String, AttributeValue>> rows = read(pk, filter, start, page.limit() + 1);
        if (rows.size() <= page.limit()) {
            return new Page<>(rows.stream().map(DynamoPlanRepository::fromItem).toList(), null);
        }
        List<Map<String, AttributeValue>> shown = rows.subList(0, page.limit());
        return new Page<>(shown.stream().map(DynamoPlanRepository::fromItem).toList(),
                Cursors.encode(cursors, scope, Cursors.keyOf(shown.get(shown.size() - 1), "GSI1PK", "GSI1SK")));
    }

    @Override
    public List<TrainingPlan> latest(String orgId, PlanFilter filter, int limit) {
        return read("PLANS#" + orgId, filter, null, limit).stream().map(DynamoPlanRepository::fromItem).toList();
    }

    /** At least {@code wanted} matching rows from {@code start} on (fewer only at the end), newest first. */
    private List<Map<String, AttributeValue>> read(String pk, PlanFilter filter, Map<String, AttributeValue> start, int wanted) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", Item.s(pk)));
        List<String> conditions = new ArrayList<>();
        filter.kind().ifPresent(k -> {
            names.put("#k", "kind");
            values.put(":k", Item.s(k.name()));
            conditions.add("#k = :k");
        });
        filter.year().ifPresent(y -> {
            names.put("#y", "year");
            values.put(":y", Item.n(y));
            conditions.add("#y = :y");
        });
        filter.status().ifPresent(s -> {
            names.put("#s", "status");
            values.put(":s", Item.s(s.name()));
            conditions.add("#s = :s");
        });
        boolean filtered = !conditions.isEmpty();
        List<Map<String, AttributeValue>> rows = new ArrayList<>();
        Map<String, AttributeValue> from = start;
        do {
            Map<String, AttributeValue> after = from;
            var response = dynamo.query(q -> {
                q.tableName(table).indexName("GSI1").keyConditionExpression("GSI1PK = :pk")
                        .expressionAttributeValues(values).scanIndexForward(false).exclusiveStartKey(after)
                        .limit(filtered ? FILTERED_PAGE : wanted);
                if (filtered) {
                    q.filterExpression(String.join(" AND ", conditions)).expressionAttributeNames(names);
                }
            });
            rows.addAll(response.items());
            from = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (rows.size() < wanted && from != null);
        return rows.size() > wanted ? rows.subList(0, wanted) : rows;
    }

    private static TrainingPlan fromItem(Map<String, AttributeValue> row) {
        Item i = Item.of(row);
        return new TrainingPlan(i.str("planId"), i.str("orgId"), i.str("orgName"), i.str("orgType"),
                PlanKind.valueOf(i.str("kind")), (int) i.num("year", 0), i.str("title"), i.str("content"),
                read(i.str("files"), FILES), read(i.str("courses"), COURSES), PlanStatus.valueOf(i.str("status")),
                i.str("reviewId"), i.str("reviewOrgId"), i.str("submittedBy"), Instant.parse(i.str("submittedAt")),
                i.optStr("decidedAt").map(Instant::parse).orElse(null), i.str("comment"));
    }

    private static String lockPk(String orgId, PlanKind kind, int year) {
        return "PLANLOCK#" + orgId + "#" + kind.name() + "#" + year;
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
            return JsonMapper.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
