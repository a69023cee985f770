package cn.hbce.org.subordinates.adapter;

import cn.hbce.org.subordinates.Subordinate;
import cn.hbce.org.subordinates.SubordinateRepository;

import cn.hbce.account.AdminMembership;
import cn.hbce.account.adapter.PersonItems;
import cn.hbce.common.aws.Cursors;
import cn.hbce.common.aws.Item;
import cn.hbce.org.OrgStatus;
import cn.hbce.org.OrgType;
import cn.hbce.common.paging.CursorCodec;
import cn.hbce.common.paging.Page;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Children through GSI1 ({@code CHILD#parent / type#orgId}); admin seats at {@code ORG#org / ADMIN#…}. */
public final class DynamoSubordinateRepository implements SubordinateRepository {
    private final DynamoDbClient dynamo;
    private final String table;
    private final CursorCodec cursors;

    public DynamoSubordinateRepository(DynamoDbClient dynamo, String table, CursorCodec cursors) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = cursors;
    }

    @Override
    public Page<Subordinate> children(String parentOrgId, Optional<OrgType> type, Optional<String> text, int limit,
                                      Optional<String> cursor) {
        String pk = "CHILD#" + parentOrgId;
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", Item.s(pk));
        String condition = "GSI1PK = :pk";
        if (type.isPresent()) {
            condition += " AND begins_with(GSI1SK, :t)";
            values.put(":t", Item.s(type.get().name() + "#"));
        }
        Map<String, String> names = new HashMap<>();
        String filter = null;
        if (text.isPresent()) {
            filter = "contains(#n, :q)";
            names.put("#n", "name");
            values.put(":q", Item.s(text.get()));
        }
        String scope = CursorCodec.scope("subordinates", pk, type, text);
        Map<String, AttributeValue> start = cursor.map(c -> Cursors.decode(cursors, scope, c, "GSI1PK", pk)).orElse(null);
        List<Subordinate> items = new ArrayList<>();
        Map<String, AttributeValue> lastReturned = null;
        boolean more;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName("GSI1")
                    .keyConditionExpression(condition).expressionAttributeValues(values)
                    .exclusiveStartKey(start).limit(Math.max(limit, 25));
            if (filter != null) {
                q.filterExpression(filter).expressionAttributeNames(names);
            }
            var page = dynamo.query(q.build());
            for (var row : page.items()) {
                Item i = Item.of(row);
                items.add(new Subordinate(i.str("orgId"), i.str("name"), OrgType.valueOf(i.str("type")),
                        OrgStatus.valueOf(i.str("status")), i.str("creditCode"), i.str("contactPhone")));
                if (items.size() == limit) {
                    lastReturned = Cursors.keyOf(row, "GSI1PK", "GSI1SK");
                    break;
                }
            }
            more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
            start = more ? page.lastEvaluatedKey() : null;
        } while (items.size() < limit && more);
        String next = lastReturned != null ? Cursors.encode(cursors, scope, lastReturned)
                : more ? Cursors.encode(cursors, scope, start) : null;
        return new Page<>(items, next);
    }

    @Override
    public List<AdminMembership> seats(String orgId) {
        List<AdminMembership> out = new ArrayList<>();
        var pages = dynamo.queryPaginator(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                .expressionAttributeValues(Map.of(":pk", Item.s("ORG#" + orgId), ":sk", Item.s("ADMIN#"))));
        pages.items().forEach(row -> out.add(PersonItems.membershipOf(Item.of(row))));
        return out;
    }

    @Override
    public boolean setSeatDisabled(String orgId, String adminId, boolean disabled) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(Item.key("ORG#" + orgId, "ADMIN#" + adminId))
                    .updateExpression("SET disabled = :d")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeValues(Map.of(":d", AttributeValue.fromBool(disabled))));
            return true;
        } catch (ConditionalCheckFailedException gone) {
            return false;
        }
    }
}
