package cn.hbce.account.adapter;

import cn.hbce.account.Session;
import cn.hbce.account.SessionStore;

import cn.hbce.common.aws.Item;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sessions at {@code SESSION#personId / sid}, expired by the table's TTL attribute {@code expireAt}.
 * They have a partition of their own (not the person's, which holds the password hash) so that
 * IAM can let the authorizer write sessions and nothing else ({@code dynamodb:LeadingKeys SESSION#*}).
 */
public final class DynamoSessionStore implements SessionStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSessionStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void create(Session s) {
        dynamo.putItem(r -> r.tableName(table).item(toItem(s).asMap()));
    }

    @Override
    public Optional<Session> get(String personId, String sessionId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(personId, sessionId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(Item.of(item)));
    }

    @Override
    public void touch(String personId, String sessionId, Instant now) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(personId, sessionId))
                    .updateExpression("SET lastSeenAt = :now")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeValues(Map.of(":now", Item.s(now.toString()))));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException gone) {
            // Logged out meanwhile: nothing to touch.
        }
    }

    @Override
    public void delete(String personId, String sessionId) {
        dynamo.deleteItem(r -> r.tableName(table).key(key(personId, sessionId)));
    }

    @Override
    public void deleteAll(String personId, String keepSessionId) {
        deleteWhere(personId, row -> keepSessionId == null || !row.get("SK").s().equals(keepSessionId));
    }

    @Override
    public void deleteAllOfSeat(String personId, String adminId) {
        deleteWhere(personId, row -> row.containsKey("adminId") && adminId.equals(row.get("adminId").s()));
    }

    private void deleteWhere(String personId, java.util.function.Predicate<Map<String, AttributeValue>> which) {
        var pages = dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk")
                .projectionExpression("PK, SK, adminId")
                .expressionAttributeValues(Map.of(":pk", Item.s(PREFIX + personId))));
        for (Map<String, AttributeValue> row : pages.items()) {
            if (which.test(row)) {
                dynamo.deleteItem(r -> r.tableName(table).key(Map.of("PK", row.get("PK"), "SK", row.get("SK"))));
            }
        }
    }

    /** The partition of a person's sessions. */
    public static final String PREFIX = "SESSION#";

    public static Map<String, AttributeValue> key(String personId, String sessionId) {
        return Item.key(PREFIX + personId, sessionId);
    }

    static Item toItem(Session s) {
        return Item.create(PREFIX + s.personId(), s.sessionId())
                .put("entity", "SESSION")
                .put("personId", s.personId())
                .put("sessionId", s.sessionId())
                .put("userType", s.userType())
                .put("orgId", s.orgId())
                .put("adminId", s.adminId())
                .put("issuedAt", s.issuedAt().toString())
                .put("expiresAt", s.expiresAt().toString())
                .put("lastSeenAt", s.lastSeenAt().toString())
                .put("expireAt", s.expiresAt().getEpochSecond());
    }

    public static Session fromItem(Item i) {
        return new Session(i.str("personId"), i.str("sessionId"), i.str("userType"), i.str("orgId"), i.str("adminId"),
                Instant.parse(i.str("issuedAt")), Instant.parse(i.str("expiresAt")), Instant.parse(i.str("lastSeenAt")));
    }
}
