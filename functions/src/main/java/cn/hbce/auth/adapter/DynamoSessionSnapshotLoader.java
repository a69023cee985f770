package cn.hbce.auth.adapter;

import cn.hbce.auth.SessionSnapshot;
import cn.hbce.auth.TokenClaims;

import cn.hbce.account.adapter.DynamoSessionStore;
import cn.hbce.account.adapter.PersonItems;
import cn.hbce.common.aws.Item;
import cn.hbce.org.adapter.DynamoOrgRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** One strongly consistent BatchGetItem for session, person, admin seat and org. */
public final class DynamoSessionSnapshotLoader implements SessionSnapshot.Loader {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSessionSnapshotLoader(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public SessionSnapshot load(TokenClaims c) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(DynamoSessionStore.key(c.personId(), c.sessionId()));
        keys.add(Item.key("PERSON#" + c.personId(), "PROFILE"));
        if (c.orgId() != null) {
            keys.add(Item.key("ORG#" + c.orgId(), "META"));
        }
        if (c.orgId() != null && c.adminId() != null) {
            keys.add(Item.key("ORG#" + c.orgId(), "ADMIN#" + c.adminId()));
        }
        Map<String, Map<String, AttributeValue>> bySk = new HashMap<>();
        Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        while (!pending.isEmpty()) {
            Map<String, KeysAndAttributes> request = pending;
            var response = dynamo.batchGetItem(r -> r.requestItems(request));
            for (var row : response.responses().getOrDefault(table, List.of())) {
                bySk.put(row.get("PK").s() + "|" + row.get("SK").s(), row);
            }
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return new SessionSnapshot(
                find(bySk, DynamoSessionStore.PREFIX + c.personId(), c.sessionId()).map(DynamoSessionStore::fromItem),
                find(bySk, "PERSON#" + c.personId(), "PROFILE").map(PersonItems::fromItem),
                c.adminId() == null ? Optional.empty()
                        : find(bySk, "ORG#" + c.orgId(), "ADMIN#" + c.adminId()).map(PersonItems::membershipOf),
                c.orgId() == null ? Optional.empty()
                        : find(bySk, "ORG#" + c.orgId(), "META").map(DynamoOrgRepository::fromItem));
    }

    private static Optional<Item> find(Map<String, Map<String, AttributeValue>> rows, String pk, String sk) {
        return Optional.ofNullable(rows.get(pk + "|" + sk)).map(Item::of);
    }
}
