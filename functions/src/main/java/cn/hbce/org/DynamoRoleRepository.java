package cn.hbce.org;

import cn.hbce.common.aws.Item;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Roles at {@code ORG#org / ROLE#roleId} with a string set {@code permissions}. */
public final class DynamoRoleRepository implements RoleRepository {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRoleRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Set<String>> permissions(String orgId, String roleId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(Item.key("ORG#" + orgId, "ROLE#" + roleId))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        var perms = item.get("permissions");
        return Optional.of(perms == null || !perms.hasSs() ? Set.of() : Set.copyOf(perms.ss()));
    }
}
