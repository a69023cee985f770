package cn.hbce.transfer.adapter;

import cn.hbce.common.aws.FilteredQueryPages;
import cn.hbce.common.aws.Item;
import cn.hbce.common.json.JsonMapper;
import cn.hbce.common.paging.CursorCodec;
import cn.hbce.common.paging.Page;
import cn.hbce.transfer.Transfer;
import cn.hbce.transfer.TransferEvent;
import cn.hbce.transfer.TransferQuery;
import cn.hbce.transfer.TransferRepository;
import cn.hbce.transfer.TransferStatus;
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
 * A transfer at {@code TRANSFER#{id} / META}, listed by its sending department through GSI2
 * ({@code TRANSFERS#OUT#{fromDeptId}}) and by its receiving department through GSI3
 * ({@code TRANSFERS#IN#{toDeptId}}), both sorted by {@code createdMillis13#transferId}; its timeline
 * at {@code TRANSFER#{id} / EVENT#{event}} (one item per kind of event, so a retry adds none).
 *
 * <p>Every department above a deciding department lists the transfer too, through a copy of the
 * item ({@code TRANSFER#{id} / VIEW#OUT#{deptId}} in GSI2, {@code VIEW#IN#{deptId}} in GSI3, same
 * sort key): a department's records are then one Query of one partition, whatever the depth of its
 * subtree, at the price of a few more writes when the transfer starts and ends (one per ancestor,
 * a handful in a province → city → county tree).
 */
public final class DynamoTransferRepository implements TransferRepository {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    /** The sort key prefix of a listed copy: {@code VIEW#OUT#{deptId}} or {@code VIEW#IN#{deptId}}. */
    static final String VIEW = "VIEW#";
    private final DynamoDbClient dynamo;
    private final String table;
    private final CursorCodec cursors;

    public DynamoTransferRepository(DynamoDbClient dynamo, String table, CursorCodec cursors) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = cursors;
    }

    @Override
    public void create(Transfer t, List<String> sendersAbove, List<String> receiversAbove) {
        String sort = millis(t.createdAt()) + "#" + t.transferId();
        Item item = attributes(Item.create("TRANSFER#" + t.transferId(), "META"), t)
                .put("entity", "TRANSFER")
                .put("GSI2PK", "TRANSFERS#OUT#" + t.fromDeptId())
                .put("GSI2SK", sort)
                .put("GSI3PK", "TRANSFERS#IN#" + t.toDeptId())
                .put("GSI3SK", sort);
        dynamo.putItem(p -> p.tableName(table).item(item.asMap()).conditionExpression("attribute_not_exists(PK)"));
        // Then the copies: a start that fails among them ends the transfer FAILED, which ends the
        // copies written so far too (see end).
        for (String dept : sendersAbove) {
            Item view = attributes(Item.create("TRANSFER#" + t.transferId(), VIEW + "OUT#" + dept), t)
                    .put("entity", "TRANSFER_VIEW")
                    .put("GSI2PK", "TRANSFERS#OUT#" + dept)
                    .put("GSI2SK", sort);
            dynamo.putItem(p -> p.tableName(table).item(view.asMap()));
        }
        for (String dept : receiversAbove) {
            Item view = attributes(Item.create("TRANSFER#" + t.transferId(), VIEW + "IN#" + dept), t)
                    .put("entity", "TRANSFER_VIEW")
                    .put("GSI3PK", "TRANSFERS#IN#" + dept)
                    .put("GSI3SK", sort);
            dynamo.putItem(p -> p.tableName(table).item(view.asMap()));
        }
    }

    /** What the transfer item and each listed copy carry (everything a list row and its filters read). */
    private static Item attributes(Item item, Transfer t) {
        return item
                .put("transferId", t.transferId())
                .put("reviewId", t.reviewId())
                .put("status", t.status().name())
                .put("personId", t.personId())
                .put("person", write(t.person()))
                .put("fromOrgId", t.fromOrgId())
                .put("fromOrgName", t.fromOrgName())
                .put("fromDeptId", t.fromDeptId())
                .put("toOrgId", t.toOrgId())
                .put("toOrgName", t.toOrgName())
                .put("toDeptId", t.toDeptId())
                .put("reason", t.reason())
                .put("effectiveDate", t.effectiveDate())
                .put("requestedBy", t.requestedBy())
                .put("createdAt", t.createdAt().toString())
                .put("searchText", t.searchText());
    }

    @Override
    public Optional<Transfer> get(String transferId) {
        var item = dynamo.getItem(g -> g.tableName(table).key(Item.key("TRANSFER#" + transferId, "META")).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(of(Item.of(item)));
    }

    @Override
    public boolean end(String transferId, TransferStatus outcome, Instant at, String failure) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":o", Item.s(outcome.name()), ":p", Item.s("PENDING"),
                ":at", Item.s(at.toString())));
        String update = "SET #s = :o, endedAt = :at";
        if (failure != null) {
            update += ", failure = :f";
            values.put(":f", Item.s(failure));
        }
        String expression = update;
        boolean ended;
        try {
            dynamo.updateItem(u -> u.tableName(table).key(Item.key("TRANSFER#" + transferId, "META"))
                    .updateExpression(expression)
                    .conditionExpression("#s = :p")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(values));
            ended = true;
        } catch (ConditionalCheckFailedException endedBefore) {
            ended = false;
        }
        syncViews(transferId);
        return ended;
    }

    /**
     * Brings every listed copy to the status (and end time) of the transfer item: a copy is only
     * written when it differs, so a repeated end writes nothing. Reads the transfer's own partition
     * (its copies and events, a few dozen items at most).
     */
    private void syncViews(String transferId) {
        var meta = dynamo.getItem(g -> g.tableName(table).key(Item.key("TRANSFER#" + transferId, "META")).consistentRead(true)).item();
        if (meta == null || meta.isEmpty()) {
            return;
        }
        Item m = Item.of(meta);
        String status = m.str("status");
        Optional<String> endedAt = m.optStr("endedAt");
        var views = dynamo.queryPaginator(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                .projectionExpression("PK, SK, #s, endedAt")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":pk", Item.s("TRANSFER#" + transferId), ":sk", Item.s(VIEW)))).items();
        for (var raw : views) {
            Item v = Item.of(raw);
            if (status.equals(v.str("status")) && endedAt.equals(v.optStr("endedAt"))) {
                continue;
            }
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":s", Item.s(status)));
            String update = "SET #s = :s";
            if (endedAt.isPresent()) {
                update += ", endedAt = :at";
                values.put(":at", Item.s(endedAt.get()));
            }
            m.optStr("failure").ifPresent(f -> values.put(":f", Item.s(f)));
            if (values.containsKey(":f")) {
                update += ", failure = :f";
            }
            String expression = update;
            dynamo.updateItem(u -> u.tableName(table).key(Item.key(v.str("PK"), v.str("SK")))
                    .updateExpression(expression)
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(values));
        }
    }

    @Override
    public boolean addEvent(String transferId, TransferEvent e) {
        Item item = Item.create("TRANSFER#" + transferId, "EVENT#" + e.event())
                .put("entity", "TRANSFER_EVENT")
                .put("transferId", transferId)
                .put("event", e.event())
                .put("at", e.at().toString())
                .put("byPersonId", e.byPersonId())
                .put("note", e.note());
        try {
            dynamo.putItem(p -> p.tableName(table).item(item.asMap()).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException already) {
            // The event is on the timeline: a retry of the step that adds it.
            return false;
        }
    }

    @Override
    public List<TransferEvent> events(String transferId) {
        var response = dynamo.query(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                .expressionAttributeValues(Map.of(":pk", Item.s("TRANSFER#" + transferId), ":sk", Item.s("EVENT#"))));
        return response.items().stream().map(Item::of)
                .map(i -> new TransferEvent(i.str("event"), Instant.parse(i.str("at")), i.str("byPersonId"), i.str("note")))
                .toList();
    }

    @Override
    public Page<Transfer> list(String deptOrgId, TransferQuery.Direction direction, TransferQuery query) {
        String index = direction == TransferQuery.Direction.OUT ? "GSI2" : "GSI3";
        String pkName = index + "PK";
        String skName = index + "SK";
        String pk = "TRANSFERS#" + direction.name() + "#" + deptOrgId;
        Map<String, String> names = new HashMap<>(Map.of("#pk", pkName, "#sk", skName));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", Item.s(pk));
        values.put(":lo", Item.s(query.from().map(DynamoTransferRepository::millis).orElse("0000000000000")));
        values.put(":hi", Item.s(query.to().map(DynamoTransferRepository::millis).orElse("9999999999999") + "~"));
        String keyCondition = "#pk = :pk AND #sk BETWEEN :lo AND :hi";
        List<String> filters = new ArrayList<>();
        query.status().ifPresent(s -> {
            filters.add("#s = :s");
            names.put("#s", "status");
            values.put(":s", Item.s(s.name()));
        });
        query.text().ifPresent(q -> {
            filters.add("contains(searchText, :q)");
            values.put(":q", Item.s(q));
        });
        String scope = CursorCodec.scope("transfers", index, pk, query.status(), query.from(), query.to(), query.text());
        return FilteredQueryPages.read(dynamo, new FilteredQueryPages.IndexPartition(table, index, pkName, skName, pk),
                keyCondition, filters, names, values, query.limit(), cursors, scope, query.cursor(), DynamoTransferRepository::of);
    }

    private static Transfer of(Item i) {
        return new Transfer(i.str("transferId"), i.str("reviewId"), TransferStatus.valueOf(i.str("status")), i.str("personId"),
                read(i.str("person")), i.str("fromOrgId"), i.str("fromOrgName"), i.str("fromDeptId"), i.str("toOrgId"),
                i.str("toOrgName"), i.str("toDeptId"), i.str("reason"), i.str("effectiveDate"), i.str("requestedBy"),
                Instant.parse(i.str("createdAt")), i.optStr("endedAt").map(Instant::parse).orElse(null), i.str("failure"));
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

    private static Map<String, Object> read(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JsonMapper.MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
