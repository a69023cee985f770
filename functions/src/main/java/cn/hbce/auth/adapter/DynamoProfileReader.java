package cn.hbce.auth.adapter;

import cn.hbce.auth.ProfileReader;

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

/** One strongly consistent BatchGetItem for the person's profile and their org. */
public final class DynamoProfileReader implements ProfileReader {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoProfileReader(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public PersonAndOrg read(String personId, String orgId) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(Item.key("PERSON#" + personId, "PROFILE"));
        if (orgId != null) {
            keys.add(Item.key("ORG#" + orgId, "META"));
        }
        Map<String, Item> byPk = new HashMap<>();
        Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        while (!pending.isEmpty()) {
            Map<String, KeysAndAttributes> request = pending;
            var response = dynamo.batchGetItem(r -> r.requestItems(request));
            for (var row : response.responses().getOrDefault(table, List.of())) {
                byPk.put(row.get("PK").s(), Item.of(row));
            }
            // Unprocessed keys only under throttling: asked again, so the answer is complete.
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return new PersonAndOrg(
                Optional.ofNullable(byPk.get("PERSON#" + personId)).map(PersonItems::fromItem),
                orgId == null ? Optional.empty() : Optional.ofNullable(byPk.get("ORG#" + orgId)).map(DynamoOrgRepository::fromItem));
    }
}
