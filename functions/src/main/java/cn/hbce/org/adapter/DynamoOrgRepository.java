package cn.hbce.org.adapter;

import cn.hbce.org.Org;
import cn.hbce.org.OrgInfo;
import cn.hbce.org.OrgRepository;
import cn.hbce.org.OrgStatus;
import cn.hbce.org.OrgSummary;
import cn.hbce.org.OrgType;
import cn.hbce.org.OrgView;
import cn.hbce.org.PendingChange;

import cn.hbce.common.aws.Item;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Orgs live at {@code ORG#id / META}; children are found through GSI1 ({@code CHILD#parent}).
 * Approved orgs are also indexed by every two-character slice of their name
 * ({@code ORGNAME#type#slice / orgId}), so lookup is a Query, never a Scan.
 *
 * <p>Each org item also keeps its parent's name ({@code parentName}, with the parent's
 * {@code version} it was copied from as {@code parentNameVersion}), so {@code GET /v1/org} is one
 * GetItem. It is written when the org is created or moved, and when a parent is renamed every child
 * is updated through GSI1 — a Query per 1 MB of children, never a Scan. Each copy is conditional on
 * the child still having that parent and holding an older copy, so repeated, late or concurrent
 * copies cannot bring back an older name.
 */
public final class DynamoOrgRepository implements OrgRepository {
    /** Name-index items one anonymous lookup may read, over all the types it asks for. */
    static final int LOOKUP_READ_BUDGET = 200;
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoOrgRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Org> get(String orgId) {
        return read(orgId).map(DynamoOrgRepository::fromItem);
    }

    /** One consistent GetItem: the org with the parent's name it keeps. */
    @Override
    public Optional<OrgView> view(String orgId) {
        return read(orgId).map(item -> {
            Org org = fromItem(item);
            String parentName = item.str("parentName");
            if (org.parentOrgId() != null && parentName == null) {
                // An item written before orgs kept their parent's name: read the parent as before.
                parentName = get(org.parentOrgId()).map(Org::name).orElse(null);
            }
            return OrgView.of(org, parentName);
        });
    }

    private Optional<Item> read(String orgId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(Item.key("ORG#" + orgId, "META")).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Item.of(item));
    }

    @Override
    public boolean claimCreditCode(String creditCode, String orgId) {
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(Item.create("CREDIT#" + creditCode, "CLAIM").put("orgId", orgId)
                            .put("createdAt", Instant.now().toString()).asMap())
                    .conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void releaseCreditCode(String creditCode, String orgId) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(Item.key("CREDIT#" + creditCode, "CLAIM"))
                    .conditionExpression("orgId = :o").expressionAttributeValues(Map.of(":o", Item.s(orgId))));
        } catch (ConditionalCheckFailedException e) {
            // Held by another org: not ours to release.
        }
    }

    @Override
    public void create(Org org) {
        Item item = toItem(org);
        if (org.parentOrgId() != null) {
            get(org.parentOrgId()).ifPresent(parent ->
                    item.put("parentName", parent.name()).put("parentNameVersion", parent.version()));
        }
        dynamo.putItem(r -> r.tableName(table).item(item.asMap()).conditionExpression("attribute_not_exists(PK)"));
        if (org.approved()) {
            reindexName(org, Set.of());
        }
    }

    @Override
    public boolean update(Org updated, long expectedVersion, Org before) {
        try {
            writeInfo(updated.orgId(), OrgInfo.of(updated), "#v = :ev", Map.of(":ev", Item.n(expectedVersion)), false);
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
        if (!updated.name().equals(before.name())) {
            if (updated.approved()) {
                reindexName(updated, slices(before.name()));
            }
            copyNameToChildren(updated.orgId(), updated.type(), updated.name(), expectedVersion + 1);
        }
        return true;
    }

    @Override
    public boolean reservePending(String orgId, PendingChange kind, String reviewId) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Item.key("ORG#" + orgId, "META"))
                    .updateExpression("SET #m = :r")
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(#m)")
                    .expressionAttributeNames(Map.of("#m", kind.attribute()))
                    .expressionAttributeValues(Map.of(":r", Item.s(reviewId))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void releasePending(String orgId, PendingChange kind, String reviewId) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Item.key("ORG#" + orgId, "META"))
                    .updateExpression("REMOVE #m")
                    .conditionExpression("#m = :r")
                    .expressionAttributeNames(Map.of("#m", kind.attribute()))
                    .expressionAttributeValues(Map.of(":r", Item.s(reviewId))));
        } catch (ConditionalCheckFailedException e) {
            // Not this review's mark any more.
        }
    }

    @Override
    public boolean applyInfoChange(String orgId, String reviewId, OrgInfo after) {
        Org before = get(orgId).orElse(null);
        if (before == null) {
            return false;
        }
        try {
            writeInfo(orgId, after, "#m = :r", Map.of(":r", Item.s(reviewId)), true);
        } catch (ConditionalCheckFailedException applied) {
            return false;
        }
        if (!after.name().equals(before.name())) {
            get(orgId).ifPresent(org -> {
                if (before.approved()) {
                    reindexName(org, slices(before.name()));
                }
                copyNameToChildren(orgId, org.type(), org.name(), org.version());
            });
        }
        return true;
    }

    @Override
    public boolean applyMove(String orgId, String reviewId, String newParentOrgId) {
        Org org = get(orgId).orElse(null);
        if (org == null) {
            return false;
        }
        Optional<Org> parent = get(newParentOrgId);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":p", Item.s(newParentOrgId),
                ":g", Item.s("CHILD#" + newParentOrgId), ":one", Item.n(1), ":now", Item.s(Instant.now().toString()),
                ":r", Item.s(reviewId)));
        String parentName;
        if (parent.isPresent()) {
            values.put(":pn", Item.s(parent.get().name()));
            values.put(":pv", Item.n(parent.get().version()));
            parentName = "parentName = :pn, parentNameVersion = :pv, ";
        } else {
            parentName = "";
        }
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Item.key("ORG#" + orgId, "META"))
                    .updateExpression("SET parentOrgId = :p, GSI1PK = :g, " + parentName + "#v = #v + :one, updatedAt = :now REMOVE #m"
                            + (parent.isPresent() ? "" : ", parentName, parentNameVersion"))
                    .conditionExpression("#m = :r")
                    .expressionAttributeNames(Map.of("#m", PendingChange.SUPERIOR.attribute(), "#v", "version"))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException applied) {
            return false;
        }
        // A rename of the new parent between our read and our write may have missed this org in
        // GSI1: read the parent once more and copy its name if it changed meanwhile.
        parent.ifPresent(before -> get(newParentOrgId).filter(now -> now.version() != before.version())
                .ifPresent(now -> copyParentName(orgId, now.orgId(), now.name(), now.version())));
        return true;
    }

    /**
     * After an org's name changed (now at {@code version}): every child — approved or pending — gets
     * the new name. Only departments and the root have children; other orgs cost nothing here.
     */
    private void copyNameToChildren(String parentId, OrgType type, String name, long version) {
        if (!type.canSupervise()) {
            return;
        }
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(q -> q.tableName(table).indexName("GSI1")
                    .keyConditionExpression("GSI1PK = :g")
                    .expressionAttributeValues(Map.of(":g", Item.s("CHILD#" + parentId)))
                    .exclusiveStartKey(from));
            for (var row : page.items()) {
                Item child = Item.of(row);
                if (child.str("orgId") != null && child.num("parentNameVersion", 0) < version) {
                    copyParentName(child.str("orgId"), parentId, name, version);
                }
            }
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    /**
     * Copies a parent's name onto one child, unless the child has moved to another parent or holds
     * a copy at least this new (so a late or repeated copy is harmless).
     */
    private void copyParentName(String childId, String parentId, String name, long version) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Item.key("ORG#" + childId, "META"))
                    .updateExpression("SET parentName = :n, parentNameVersion = :v")
                    .conditionExpression("parentOrgId = :p AND (attribute_not_exists(parentNameVersion) OR parentNameVersion < :v)")
                    .expressionAttributeValues(Map.of(":n", Item.s(name), ":v", Item.n(version), ":p", Item.s(parentId))));
        } catch (ConditionalCheckFailedException movedOrNewer) {
            // Moved away, or a newer name is already there.
        }
    }

    /**
     * Sets the info fields (removing empty optional ones) and bumps the version, under {@code condition};
     * {@code clearInfoMark} also removes the pending info-change mark, which {@code #m} names.
     */
    private void writeInfo(String orgId, OrgInfo info, String condition, Map<String, AttributeValue> conditionValues,
                           boolean clearInfoMark) {
        Map<String, AttributeValue> values = new HashMap<>(conditionValues);
        Map<String, String> names = new HashMap<>(Map.of("#n", "name", "#v", "version"));
        List<String> sets = new java.util.ArrayList<>(List.of("#n = :name", "contactPhone = :phone", "#v = #v + :one",
                "updatedAt = :now"));
        List<String> removes = new java.util.ArrayList<>();
        values.put(":name", Item.s(info.name()));
        values.put(":phone", Item.s(info.contactPhone()));
        values.put(":one", Item.n(1));
        values.put(":now", Item.s(Instant.now().toString()));
        if (info.regionCode() != null) {
            sets.add("regionCode = :region");
            values.put(":region", Item.s(info.regionCode()));
        } else {
            removes.add("regionCode");
        }
        if (info.address() != null) {
            sets.add("address = :address");
            values.put(":address", Item.s(info.address()));
        } else {
            removes.add("address");
        }
        if (clearInfoMark) {
            names.put("#m", PendingChange.INFO.attribute());
            removes.add("#m");
        }
        String update = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        dynamo.updateItem(r -> r.tableName(table).key(Item.key("ORG#" + orgId, "META"))
                .updateExpression(update)
                .conditionExpression("attribute_exists(PK) AND " + condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    @Override
    public boolean decideRegistration(String orgId, OrgStatus outcome) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Item.key("ORG#" + orgId, "META"))
                    .updateExpression("SET #s = :o")
                    .conditionExpression("#s = :p")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":o", Item.s(outcome.name()), ":p", Item.s(OrgStatus.PENDING.name()))));
        } catch (ConditionalCheckFailedException decided) {
            return false;
        }
        if (outcome == OrgStatus.APPROVED) {
            read(orgId).ifPresent(item -> {
                Org org = fromItem(item);
                reindexName(org, Set.of());
                // A rename of the parent while this registration was pending reached it through GSI1;
                // this check closes the moment between the registration's read of the parent and its write.
                if (org.parentOrgId() != null) {
                    get(org.parentOrgId()).filter(parent -> parent.version() > item.num("parentNameVersion", 0))
                            .ifPresent(parent -> copyParentName(orgId, parent.orgId(), parent.name(), parent.version()));
                }
            });
        }
        return true;
    }

    @Override
    public List<OrgSummary> lookup(String query, Optional<OrgType> type, int limit) {
        // Every two-character slice of the query is a slice of every name containing it; the last
        // one is usually the most specific of what has been typed so far.
        String slice = query.substring(query.length() - 2);
        List<OrgType> types = type.map(List::of).orElse(List.of(OrgType.values()));
        int readsPerType = LOOKUP_READ_BUDGET / types.size();
        List<OrgSummary> found = new ArrayList<>();
        for (OrgType t : types) {
            // One page of a bounded size per type: an anonymous caller never makes us walk a partition.
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("PK = :pk")
                    .filterExpression("contains(#n, :q)")
                    .expressionAttributeNames(Map.of("#n", "name"))
                    .expressionAttributeValues(Map.of(":pk", Item.s(nameKey(t, slice)), ":q", Item.s(query)))
                    .limit(readsPerType)
                    .build());
            for (var row : page.items()) {
                Item i = Item.of(row);
                found.add(new OrgSummary(i.str("orgId"), i.str("name"), t));
                if (found.size() >= limit) {
                    return found;
                }
            }
        }
        return found;
    }

    private void reindexName(Org org, Set<String> oldSlices) {
        Set<String> current = slices(org.name());
        for (String slice : current) {
            dynamo.putItem(r -> r.tableName(table).item(Item.create(nameKey(org.type(), slice), org.orgId())
                    .put("orgId", org.orgId()).put("name", org.name()).asMap()));
        }
        for (String slice : oldSlices) {
            if (!current.contains(slice)) {
                dynamo.deleteItem(r -> r.tableName(table).key(Item.key(nameKey(org.type(), slice), org.orgId())));
            }
        }
    }

    static Set<String> slices(String name) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i + 2 <= name.length(); i++) {
            out.add(name.substring(i, i + 2));
        }
        return out;
    }

    private static String nameKey(OrgType type, String slice) {
        return "ORGNAME#" + type.name() + "#" + slice;
    }

    private static Item toItem(Org org) {
        Item item = Item.create("ORG#" + org.orgId(), "META")
                .put("entity", "ORG")
                .put("orgId", org.orgId())
                .put("type", org.type().name())
                .put("name", org.name())
                .put("creditCode", org.creditCode())
                .put("parentOrgId", org.parentOrgId())
                .put("status", org.status().name())
                .put("contactPhone", org.contactPhone())
                .put("regionCode", org.regionCode())
                .put("address", org.address())
                .put("version", org.version())
                .put("createdAt", org.createdAt().toString())
                .put("updatedAt", org.updatedAt().toString());
        if (org.parentOrgId() != null) {
            item.put("GSI1PK", "CHILD#" + org.parentOrgId()).put("GSI1SK", org.type().name() + "#" + org.orgId());
        }
        return item;
    }

    public static Org fromItem(Item i) {
        return new Org(i.str("orgId"), OrgType.valueOf(i.str("type")), i.str("name"), i.str("creditCode"),
                i.str("parentOrgId"), OrgStatus.valueOf(i.str("status")), i.str("contactPhone"),
                i.str("regionCode"), i.str("address"), i.num("version", 1),
                Instant.parse(i.str("createdAt")), Instant.parse(i.str("updatedAt")));
    }

}
