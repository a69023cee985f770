package cn.hbce.persons.adapter;

import cn.hbce.account.adapter.PersonItems;
import cn.hbce.common.aws.Item;
import cn.hbce.common.paging.CursorCodec;
import cn.hbce.common.paging.Page;
import cn.hbce.common.validation.IdCard;
import cn.hbce.common.validation.Phone;
import cn.hbce.hours.YearTotals;
import cn.hbce.persons.PersonDirectory;
import cn.hbce.persons.PersonFilter;
import cn.hbce.persons.PersonRow;
import cn.hbce.persons.PersonYearHours;
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
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The org tree through GSI1 ({@code CHILD#{orgId}}) and the members of an org through GSI1
 * ({@code MEMBERS#{orgId}}, see PersonItems), name/title/status as filter expressions and a year's
 * hours from the yearly summaries of the page's persons (one BatchGetItem). A cursor seals the
 * position: the index of the org in the subtree and the last key examined in its member partition.
 */
public final class DynamoPersonDirectory implements PersonDirectory {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Members examined per Query: the filter runs after the read, so this bounds a call, not the rows it yields. */
    private static final int PAGE = 100;
    /** A walk (an export) asking for many rows reads bigger pages: fewer round trips, the same rows. */
    private static final int MAX_PAGE = 1000;
    private static final int MAX_DEPTH = 20;
    private static final List<String> KEY_NAMES = List.of("PK", "SK", "GSI1PK", "GSI1SK");
    private final DynamoDbClient dynamo;
    private final String table;
    private final CursorCodec cursors;
    private final PersonYearHours yearHours;

    public DynamoPersonDirectory(DynamoDbClient dynamo, String table, CursorCodec cursors, PersonYearHours yearHours) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = cursors;
        this.yearHours = yearHours;
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
    public List<OrgSummary> ancestry(String orgId) {
        List<OrgSummary> out = new ArrayList<>();
        String at = orgId;
        while (at != null && out.size() < MAX_DEPTH) {
            String id = at;
            var item = dynamo.getItem(g -> g.tableName(table).key(Item.key("ORG#" + id, "META")).consistentRead(true)).item();
            if (item == null || item.isEmpty()) {
                break;
            }
            Item org = Item.of(item);
            out.add(new OrgSummary(id, org.str("name"), org.str("type")));
            at = org.str("parentOrgId");
        }
        return out;
    }

    @Override
    public Optional<Profile> profile(String personId) {
        var item = dynamo.getItem(g -> g.tableName(table).key(Item.key("PERSON#" + personId, "PROFILE")).consistentRead(true))
                .item();
        if (item == null || item.isEmpty() || !item.containsKey("regStatus")) {
            return Optional.empty();
        }
        Item p = Item.of(item);
        return Optional.of(new Profile(p.str("personId"), p.str("name"), IdCard.mask(p.str("idCard")), maskPhone(p.str("phone")),
                p.str("regOrgId"), p.str("regStatus"), p.str("titleSeries"), p.str("titleLevel"), p.str("titleObtainedOn")));
    }

    @Override
    public Page<PersonRow> members(List<OrgName> orgs, PersonFilter filter, Predicate<PersonRow> keep, int limit,
                                   int readBudget, Optional<String> cursor, String scope) {
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
                for (String k : KEY_NAMES) {
                    start.put(k, AttributeValue.fromS(position.get(k)));
                }
            }
        }
        Map<String, String> names = new HashMap<>(Map.of("#s", "regStatus"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":status", Item.s(filter.status())));
        StringBuilder condition = new StringBuilder("#s = :status");
        if (filter.q().isPresent()) {
            condition.append(" AND contains(#n, :q)");
            names.put("#n", "name");
            values.put(":q", Item.s(filter.q().get()));
        }
        if (filter.titleSeries().isPresent()) {
            condition.append(" AND #ts = :ts");
            names.put("#ts", "titleSeries");
            values.put(":ts", Item.s(filter.titleSeries().get()));
        }
        if (filter.titleLevel().isPresent()) {
            condition.append(" AND #tl = :tl");
            names.put("#tl", "titleLevel");
            values.put(":tl", Item.s(filter.titleLevel().get()));
        }
        List<PersonRow> items = new ArrayList<>();
        int examined = 0;
        while (orgIndex < orgs.size()) {
            if (examined >= readBudget) {
                return new Page<>(items, next(scope, orgIndex, start == null ? null : strings(start), orgs.size()));
            }
            OrgName org = orgs.get(orgIndex);
            Map<String, AttributeValue> vals = new HashMap<>(values);
            vals.put(":pk", Item.s(PersonItems.membersKey(org.orgId())));
            QueryRequest request = QueryRequest.builder().tableName(table).indexName("GSI1")
                    .keyConditionExpression("GSI1PK = :pk").filterExpression(condition.toString())
                    .expressionAttributeNames(names).expressionAttributeValues(vals)
                    .limit(Math.max(PAGE, Math.min(MAX_PAGE, limit))).exclusiveStartKey(start).build();
            QueryResponse page = dynamo.query(request);
            examined += page.scannedCount() == null ? page.items().size() : page.scannedCount();
            Map<String, YearTotals> hours = filter.year().isEmpty() || page.items().isEmpty() ? Map.of()
                    : yearHours.ofPersons(page.items().stream().map(r -> r.get("personId").s()).toList(), filter.year().get());
            for (var row : page.items()) {
                Item i = Item.of(row);
                YearTotals year = filter.year().isEmpty() ? null : hours.getOrDefault(i.str("personId"), YearTotals.NONE);
                PersonRow person = new PersonRow(i.str("personId"), i.str("name"), IdCard.mask(i.str("idCard")),
                        maskPhone(i.str("phone")), org.orgId(), org.name(), i.str("titleSeries"), i.str("titleLevel"),
                        i.str("regStatus"), year);
                if (!keep.test(person)) {
                    continue;
                }
                items.add(person);
                if (items.size() == limit) {
                    boolean lastOfOrg = row == page.items().get(page.items().size() - 1) && !hasMore(page);
                    return new Page<>(items, lastOfOrg ? next(scope, orgIndex + 1, null, orgs.size())
                            : next(scope, orgIndex, strings(row), orgs.size()));
                }
            }
            if (hasMore(page)) {
                start = page.lastEvaluatedKey();
            } else {
                orgIndex++;
                start = null;
            }
        }
        return new Page<>(items, null);
    }

    private static boolean hasMore(QueryResponse page) {
        return page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
    }

    private static Map<String, String> strings(Map<String, AttributeValue> key) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : KEY_NAMES) {
            out.put(k, key.get(k).s());
        }
        return out;
    }

    private static String maskPhone(String phone) {
        return phone == null || phone.isEmpty() ? null : Phone.mask(phone);
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
