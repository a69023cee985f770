package cn.hbce.hours.adapter;

import cn.hbce.common.aws.Item;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Lists a person's hours records under another org (a transfer): the record keeps its key
 * ({@code HOURS#{personId} / {year}#{recordId}}) and its GSI1 sort key; its org
 * ({@code unitOrgId}, {@code unitName}), its department ({@code deptOrgId}) and with it the
 * jurisdiction index key ({@code GSI1PK = HOURSDEPT#{deptOrgId}}) change together, in one
 * conditional update per record guarded by the mover's mark ({@code movedByTransferId}).
 */
public final class DynamoHoursRelisting {
    static final String MARK = "movedByTransferId";
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoHoursRelisting(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** One page of the person's records after {@code afterSortKey}: their sort keys, and whether more follow. */
    public record Page(List<String> sortKeys, Optional<String> lastSortKey) {
    }

    public Page page(String personId, Optional<String> afterSortKey, int max) {
        QueryResponse response = dynamo.query(q -> {
            q.tableName(table).consistentRead(true).limit(max)
                    .keyConditionExpression("PK = :pk")
                    .projectionExpression("SK")
                    .expressionAttributeValues(Map.of(":pk", Item.s(DynamoHoursItems.pk(personId))));
            afterSortKey.ifPresent(sk -> q.exclusiveStartKey(Item.key(DynamoHoursItems.pk(personId), sk)));
        });
        List<String> keys = response.items().stream().map(i -> i.get("SK").s()).toList();
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        return new Page(keys, more ? Optional.of(response.lastEvaluatedKey().get("SK").s()) : Optional.empty());
    }

    /** Lists the record under {@code orgId}; false when it already carries this mark (an earlier call moved it) or is gone. */
    public boolean moveTo(String personId, String sortKey, String orgId, String orgName, String deptOrgId, String mark) {
        return update(personId, sortKey, "SET " + MARK + " = :mark",
                "attribute_exists(PK) AND (attribute_not_exists(" + MARK + ") OR " + MARK + " <> :mark)",
                orgId, orgName, deptOrgId, mark);
    }

    /** Lists the record under {@code orgId} again if it carries {@code mark}, and removes the mark; false otherwise. */
    public boolean moveBack(String personId, String sortKey, String orgId, String orgName, String deptOrgId, String mark) {
        return update(personId, sortKey, "REMOVE " + MARK, MARK + " = :mark", orgId, orgName, deptOrgId, mark);
    }

    private boolean update(String personId, String sortKey, String markClause, String condition,
                           String orgId, String orgName, String deptOrgId, String mark) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":u", Item.s(orgId));
        values.put(":n", Item.s(orgName));
        values.put(":d", Item.s(deptOrgId));
        values.put(":g", Item.s("HOURSDEPT#" + deptOrgId));
        values.put(":mark", Item.s(mark));
        String set = "SET unitOrgId = :u, unitName = :n, deptOrgId = :d, GSI1PK = :g";
        String expression = markClause.startsWith("SET ") ? set + ", " + markClause.substring(4) : set + " " + markClause;
        try {
            dynamo.updateItem(u -> u.tableName(table).key(Item.key(DynamoHoursItems.pk(personId), sortKey))
                    .updateExpression(expression)
                    .conditionExpression(condition)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException alreadyOrNotOurs) {
            return false;
        }
    }
}
