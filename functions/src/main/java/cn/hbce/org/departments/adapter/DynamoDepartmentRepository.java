package cn.hbce.org.departments.adapter;

import cn.hbce.org.departments.Department;
import cn.hbce.org.departments.DepartmentRepository;

import cn.hbce.common.aws.Item;
import cn.hbce.common.aws.OrgItemPages;
import cn.hbce.common.paging.CursorCodec;
import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Departments at {@code ORG#org / DEPT#deptId}; the uniqueness of a name within the org is the
 * claim item {@code ORG#org / DEPTNAME#nameKey} (SK prefix {@code DEPTNAME#} never matches
 * {@code begins_with(SK, DEPT#)}, so lists do not see claims).
 */
public final class DynamoDepartmentRepository implements DepartmentRepository {
    private static final String PREFIX = "DEPT#";
    private static final String NAME_PREFIX = "DEPTNAME#";
    private final DynamoDbClient dynamo;
    private final String table;
    private final CursorCodec cursors;

    public DynamoDepartmentRepository(DynamoDbClient dynamo, String table, CursorCodec cursors) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = cursors;
    }

    @Override
    public Page<Department> list(String orgId, PageRequest page) {
        return OrgItemPages.list(dynamo, table, cursors, orgId, PREFIX, page, DynamoDepartmentRepository::fromItem, Department::deptId);
    }

    @Override
    public Optional<Department> get(String orgId, String deptId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(orgId, deptId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(Item.of(item)));
    }

    @Override
    public boolean claimName(String orgId, String nameKey, String deptId, Instant now) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(nameItem(orgId, nameKey, deptId, now).asMap())
                    .conditionExpression("attribute_not_exists(PK) OR deptId = :d")
                    .expressionAttributeValues(Map.of(":d", Item.s(deptId))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public Optional<NameClaim> nameClaim(String orgId, String nameKey) {
        var item = dynamo.getItem(r -> r.tableName(table).key(nameKey(orgId, nameKey)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Item i = Item.of(item);
        return Optional.of(new NameClaim(i.str("deptId"), Instant.parse(i.str("claimedAt"))));
    }

    @Override
    public boolean takeOverName(String orgId, String nameKey, String staleHolder, String deptId, Instant now) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(nameItem(orgId, nameKey, deptId, now).asMap())
                    .conditionExpression("deptId = :stale")
                    .expressionAttributeValues(Map.of(":stale", Item.s(staleHolder))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    @Override
    public void releaseName(String orgId, String nameKey, String deptId) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(nameKey(orgId, nameKey))
                    .conditionExpression("deptId = :d")
                    .expressionAttributeValues(Map.of(":d", Item.s(deptId))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Held by another department (or already gone): not ours to release.
        }
    }

    @Override
    public void create(Department d) {
        dynamo.putItem(r -> r.tableName(table).item(toItem(d).asMap()).conditionExpression("attribute_not_exists(PK)"));
    }

    @Override
    public boolean update(Department updated, long expectedVersion) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(toItem(updated).asMap())
                    .conditionExpression("attribute_exists(PK) AND #v = :v")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":v", Item.n(expectedVersion))));
            return true;
        } catch (ConditionalCheckFailedException stale) {
            return false;
        }
    }

    @Override
    public Optional<Department> delete(String orgId, String deptId) {
        try {
            var old = dynamo.deleteItem(r -> r.tableName(table).key(key(orgId, deptId))
                    .conditionExpression("attribute_exists(PK)")
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            return Optional.of(fromItem(Item.of(old)));
        } catch (ConditionalCheckFailedException gone) {
            return Optional.empty();
        }
    }

    private static String pk(String orgId) {
        return "ORG#" + orgId;
    }

    private static Map<String, AttributeValue> key(String orgId, String deptId) {
        return new HashMap<>(Item.key(pk(orgId), PREFIX + deptId));
    }

    private static Map<String, AttributeValue> nameKey(String orgId, String nameKey) {
        return Item.key(pk(orgId), NAME_PREFIX + nameKey);
    }

    private static Item nameItem(String orgId, String nameKey, String deptId, Instant now) {
        return Item.create(pk(orgId), NAME_PREFIX + nameKey)
                .put("entity", "DEPARTMENT_NAME")
                .put("deptId", deptId)
                .put("claimedAt", now.toString());
    }

    private static Item toItem(Department d) {
        return Item.create(pk(d.orgId()), PREFIX + d.deptId())
                .put("entity", "DEPARTMENT")
                .put("orgId", d.orgId())
                .put("deptId", d.deptId())
                .put("name", d.name())
                .put("leader", d.leader())
                .put("phone", d.phone())
                .put("version", d.version())
                .put("createdAt", d.createdAt().toString())
                .put("updatedAt", d.updatedAt().toString());
    }

    private static Department fromItem(Item i) {
        return new Department(i.str("orgId"), i.str("deptId"), i.str("name"), i.str("leader"), i.str("phone"),
                i.num("version", 1), Instant.parse(i.str("createdAt")), Instant.parse(i.str("updatedAt")));
    }
}
