package cn.hbce.persons.adapter;

import cn.hbce.account.adapter.PersonItems;
import cn.hbce.common.aws.Item;
import cn.hbce.common.paging.CursorCodec;
import cn.hbce.common.paging.Page;
import cn.hbce.common.validation.IdCard;
import cn.hbce.persons.PersonDirectory;
import cn.hbce.persons.PersonRow;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The org tree through GSI1 ({@code CHILD#{orgId}}) and the members of an org through GSI1
 * ({@code MEMBERS#{orgId}}, see PersonItems). A cursor seals the position: the index of the org in
 * the subtree and the last key read in its member partition.
 */
public final class DynamoPersonDirectory implements PersonDirectory {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int PAGE = 200;
    private final DynamoDbClient dynamo;
    private final String table;
    private final CursorCodec cursors;

    public DynamoPersonDirectory(DynamoDbClient dynamo, String table, CursorCodec cursors) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = cursors;
    }

    @Override
    public List<OrgName> subtree(String orgId, int max) {
        var root = dynamo.getItem(g -> g.tableName(table).key(Item.key("ORG#" + orgId, "META")).consistentRead(true)).item();
        List<OrgName> out = new ArrayList<>();
        out.add(new OrgName(orgId, root == null || root.isEmpty() ? "" : Item.of(root).str("name")));
        Deque<String> todo = new ArrayDeque<>(List.of(orgId));
        while (!todo.isEmpty() && out.size() < max) {
            String parent = todo.poll();
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> exclusiveStart = start;
                var page = dynamo.query(q -> q.tableName(table).indexName("GSI1")
                        .keyConditionExpression("GSI1PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", Item.s("CHILD#" + parent)))
                        .exclusiveStartKey(exclusiveStart));
                for (var row : page.items()) {
                    Item child = Item.of(row);
                    if (child.str("orgId") != null && out.size() < max) {
                        out.add(new OrgName(child.str("orgId"), child.str("name")));
                        todo.add(child.str("orgId"));
                    }
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null && out.size() < max);
        }
        return out;
    }

    @Override
    public Page<PersonRow> approvedMembers(List<OrgName> orgs, Optional<String> q, int limit, Optional<String> cursor, String scope) {
        int orgIndex = 0;
        Map<String, AttributeValue> start = null;
        if (cursor.isPresent()) {
            Map<String, String> position = open(scope, cursor.get());
            try {
                orgIndex = Integer.parseInt(position.getOrDefault("i", "-1"));
            } catch (NumberFormatException e) {
                throw CursorCodec.invalid();
            }
            if (orgIndex < 0 || orgIndex >= orgs.size()) {
                throw CursorCodec.invalid();
            }
            if (position.containsKey("PK")) {
                String pk = PersonItems.membersKey(orgs.get(orgIndex).orgId());
                if (!pk.equals(position.get("GSI1PK")) || position.get("SK") == null || position.get("GSI1SK") == null) {
                    throw CursorCodec.invalid();
                }
                start = new HashMap<>();
                for (String k : List.of("PK", "SK", "GSI1PK", "GSI1SK")) {
                    start.put(k, AttributeValue.fromS(position.get(k)));
                }
            }
        }
        List<PersonRow> items = new ArrayList<>();
        Map<String, String> names = new HashMap<>(Map.of("#s", "regStatus"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":approved", Item.s("APPROVED")));
        String filter = "#s = :approved";
        if (q.isPresent()) {
            filter += " AND contains(#n, :q)";
            names.put("#n", "name");
            values.put(":q", Item.s(q.get()));
        }
        while (orgIndex < orgs.size()) {
            OrgName org = orgs.get(orgIndex);
            Map<String, AttributeValue> vals = new HashMap<>(values);
            vals.put(":pk", Item.s(PersonItems.membersKey(org.orgId())));
            QueryRequest request = QueryRequest.builder().tableName(table).indexName("GSI1")
                    .keyConditionExpression("GSI1PK = :pk").filterExpression(filter)
                    .expressionAttributeNames(names).expressionAttributeValues(vals)
                    .limit(PAGE).exclusiveStartKey(start).build();
            QueryResponse page = dynamo.query(request);
            for (var row : page.items()) {
                Item i = Item.of(row);
                items.add(new PersonRow(i.str("personId"), i.str("name"), IdCard.mask(i.str("idCard")), org.orgId(), org.name(),
                        i.str("titleSeries"), i.str("titleLevel"), i.str("regStatus")));
                if (items.size() == limit) {
                    boolean lastOfOrg = row == page.items().get(page.items().size() - 1) && !page.hasLastEvaluatedKey();
                    return new Page<>(items, lastOfOrg ? next(scope, orgIndex + 1, null, orgs.size())
                            : next(scope, orgIndex, Map.of("PK", row.get("PK").s(), "SK", row.get("SK").s(),
                                    "GSI1PK", row.get("GSI1PK").s(), "GSI1SK", row.get("GSI1SK").s()), orgs.size()));
                }
            }
            if (page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()) {
                start = page.lastEvaluatedKey();
            } else {
                orgIndex++;
                start = null;
            }
        }
        return new Page<>(items, null);
    }

    private String next(String scope, int orgIndex, Map<String, String> key, int orgCount) {
        if (key == null && orgIndex >= orgCount) {
            return null;
        }
        Map<String, String> position = new LinkedHashMap<>();
        position.put("i", Integer.toString(orgIndex));
        if (key != null) {
            position.putAll(key);
        }
        try {
            return cursors.seal(scope, MAPPER.writeValueAsString(position));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> open(String scope, String cursor) {
        try {
            Map<String, String> position = MAPPER.readValue(cursors.open(scope, cursor), new TypeReference<>() { });
            if (position == null) {
                throw CursorCodec.invalid();
            }
            return position;
        } catch (IOException e) {
            throw CursorCodec.invalid();
        }
    }
}
