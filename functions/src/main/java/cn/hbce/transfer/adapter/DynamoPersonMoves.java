package cn.hbce.transfer.adapter;

import cn.hbce.account.adapter.PersonItems;
import cn.hbce.common.aws.Item;
import cn.hbce.transfer.PersonMoves;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Moves a professional between orgs on the person's profile ({@code PERSON#{id} / PROFILE}):
 * {@code regOrgId} and the member index key ({@code GSI1PK = MEMBERS#{orgId}}) change together in
 * one conditional update that also bumps {@code version} (so a stale version-guarded write of the
 * profile cannot go through after it) and marks the move with the transfer
 * ({@code lastTransferId}), which makes a repeated move recognisable and an undo possible.
 */
public final class DynamoPersonMoves implements PersonMoves {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoPersonMoves(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Moved move(String personId, String fromOrgId, String toOrgId, String transferId) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(Item.key("PERSON#" + personId, "PROFILE"))
                    .updateExpression("SET regOrgId = :to, GSI1PK = :members, GSI1SK = :sk, lastTransferId = :t, #v = #v + :one")
                    .conditionExpression("regOrgId = :from AND regStatus = :approved")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":to", Item.s(toOrgId), ":from", Item.s(fromOrgId),
                            ":members", Item.s(PersonItems.membersKey(toOrgId)), ":sk", Item.s(PersonItems.memberSortKey(personId)),
                            ":t", Item.s(transferId), ":approved", Item.s("APPROVED"), ":one", Item.n(1))));
            return Moved.MOVED;
        } catch (ConditionalCheckFailedException notThere) {
            var item = dynamo.getItem(g -> g.tableName(table).key(Item.key("PERSON#" + personId, "PROFILE")).consistentRead(true)).item();
            Item i = item == null ? null : Item.of(item);
            return i != null && toOrgId.equals(i.str("regOrgId")) && transferId.equals(i.str("lastTransferId"))
                    ? Moved.ALREADY_MOVED : Moved.NOT_AT_SOURCE;
        }
    }

    @Override
    public boolean moveBack(String personId, String fromOrgId, String toOrgId, String transferId) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(Item.key("PERSON#" + personId, "PROFILE"))
                    .updateExpression("SET regOrgId = :from, GSI1PK = :members, #v = #v + :one REMOVE lastTransferId")
                    .conditionExpression("regOrgId = :to AND lastTransferId = :t")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":to", Item.s(toOrgId), ":from", Item.s(fromOrgId),
                            ":members", Item.s(PersonItems.membersKey(fromOrgId)), ":t", Item.s(transferId), ":one", Item.n(1))));
            return true;
        } catch (ConditionalCheckFailedException notMovedByIt) {
            return false;
        }
    }

    @Override
    public void recordHistory(String personId, String transferId, String fromOrgId, String toOrgId, Instant at) {
        Item item = Item.create("PERSON#" + personId, "ORGHIST#" + transferId)
                .put("entity", "PERSON_ORG_HISTORY")
                .put("personId", personId)
                .put("transferId", transferId)
                .put("fromOrgId", fromOrgId)
                .put("toOrgId", toOrgId)
                .put("at", at.toString());
        try {
            dynamo.putItem(p -> p.tableName(table).item(item.asMap()).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException recorded) {
            // Recorded by an earlier attempt.
        }
    }
}
