package cn.hbce.org.roles.adapter;

import cn.hbce.org.roles.OrgRoleRepository;
import cn.hbce.org.roles.Role;

import cn.hbce.common.aws.Item;
import cn.hbce.common.aws.OrgItemPages;
import cn.hbce.common.paging.CursorCodec;
import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import cn.hbce.org.RoleRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Roles at {@code ORG#org / ROLE#roleId}: name, {@code permissions} (a string set, absent when
 * empty), version and {@code assignedCount}; the authorizer reads the permissions through
 * {@link RoleRepository}. Edits are UpdateItems that leave the count alone; the count only moves by
 * atomic ADDs, and the delete is conditional on it being zero, so all three meet on one item.
 */
public final class DynamoOrgRoleRepository implements OrgRoleRepository, RoleRepository {
    private static final String PREFIX = "ROLE#";
    private final DynamoDbClient dynamo;
    private final String table;
    private final CursorCodec cursors;

    public DynamoOrgRoleRepository(DynamoDbClient dynamo, String table, CursorCodec cursors) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = cursors;
    }

    @Override
    public Page<Role> list(String orgId, PageRequest page) {
        return OrgItemPages.list(dynamo, table, cursors, orgId, PREFIX, page, i -> fromItem(i.asMap()), Role::roleId);
    }

    @Override
    public Optional<Role> get(String orgId, String roleId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(orgId, roleId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public void create(Role role) {
        Item item = Item.create("ORG#" + role.orgId(), PREFIX + role.roleId())
                .put("entity", "ROLE")
                .put("orgId", role.orgId())
                .put("roleId", role.roleId())
                .put("name", role.name())
                .put("assignedCount", role.assignedCount())
                .put("version", role.version())
                .put("createdAt", role.createdAt().toString())
                .put("updatedAt", role.updatedAt().toString());
        Map<String, AttributeValue> values = new HashMap<>(item.asMap());
        if (!role.permissions().isEmpty()) {
            values.put("permissions", AttributeValue.fromSs(List.copyOf(role.permissions())));
        }
        dynamo.putItem(r -> r.tableName(table).item(values).conditionExpression("attribute_not_exists(PK)"));
    }

    @Override
    public boolean update(Role updated, long expectedVersion) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":name", Item.s(updated.name()), ":nv", Item.n(updated.version()), ":ev", Item.n(expectedVersion),
                ":at", Item.s(updated.updatedAt().toString())));
        String update = "SET #n = :name, #v = :nv, updatedAt = :at";
        if (updated.permissions().isEmpty()) {
            update += " REMOVE #p";
        } else {
            update += ", #p = :perms";
            values.put(":perms", AttributeValue.fromSs(List.copyOf(updated.permissions())));
        }
        String expression = update;
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(updated.orgId(), updated.roleId()))
                    .updateExpression(expression)
                    .conditionExpression("attribute_exists(PK) AND #v = :ev")
                    .expressionAttributeNames(Map.of("#n", "name", "#v", "version", "#p", "permissions"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException stale) {
            return false;
        }
    }

    @Override
    public Removal delete(String orgId, String roleId) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(key(orgId, roleId))
                    .conditionExpression("attribute_exists(PK) AND (attribute_not_exists(assignedCount) OR assignedCount <= :zero)")
                    .expressionAttributeValues(Map.of(":zero", Item.n(0))));
            return Removal.DELETED;
        } catch (ConditionalCheckFailedException refused) {
            return get(orgId, roleId).isPresent() ? Removal.IN_USE : Removal.NOT_FOUND;
        }
    }

    @Override
    public boolean reserve(String orgId, String roleId) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(orgId, roleId))
                    .updateExpression("ADD assignedCount :one")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeValues(Map.of(":one", Item.n(1))));
            return true;
        } catch (ConditionalCheckFailedException gone) {
            return false;
        }
    }

    /** What the authorizer needs of a role: its permissions, if it still exists. */
    @Override
    public Optional<Set<String>> permissions(String orgId, String roleId) {
        return get(orgId, roleId).map(Role::permissions);
    }

    @Override
    public void release(String orgId, String roleId) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(orgId, roleId))
                    .updateExpression("ADD assignedCount :minusOne")
                    .conditionExpression("assignedCount > :zero")
                    .expressionAttributeValues(Map.of(":minusOne", Item.n(-1), ":zero", Item.n(0))));
        } catch (ConditionalCheckFailedException nothingToRelease) {
            // The role is gone or counts nobody: nothing to give back.
        }
    }

    private static Map<String, AttributeValue> key(String orgId, String roleId) {
        return new HashMap<>(Item.key("ORG#" + orgId, PREFIX + roleId));
    }

    private static Role fromItem(Map<String, AttributeValue> row) {
        Item i = Item.of(row);
        AttributeValue perms = row.get("permissions");
        Set<String> permissions = perms == null || !perms.hasSs() ? Set.of() : Set.copyOf(perms.ss());
        // Ids come from the key, so roles written by older code without the copies still read whole.
        String orgId = i.str("PK").substring("ORG#".length());
        String roleId = i.str("SK").substring(PREFIX.length());
        return new Role(orgId, roleId, i.str("name"), permissions, i.num("assignedCount", 0),
                i.num("version", 1), time(i.str("createdAt")), time(i.str("updatedAt")));
    }

    private static Instant time(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
