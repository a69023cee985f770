package cn.hbce.certificates.adapter;

import cn.hbce.common.aws.Item;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Lists a person's certificates under another org (a transfer): the certificate keeps its key
 * ({@code PERSON#{personId} / CERT#{year}}), its number and what it prints (the unit name it was
 * issued with); its org ({@code unitOrgId}, which the jurisdiction list checks), its
 * {@code orgPath} and the jurisdiction sort key built from it ({@code GSI2SK =
 * orgPath + year#certificateId}) change together, in one conditional update per certificate
 * guarded by the mover's mark ({@code movedByTransferId}).
 */
public final class DynamoCertificateRelisting {
    static final String MARK = "movedByTransferId";
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCertificateRelisting(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** One certificate of the page: its sort key, year and id (which the list key is made of). */
    public record Entry(String sortKey, long year, String certificateId) {
    }

    /** One page of the person's certificates after {@code afterSortKey}, and the sort key to go on after if more follow. */
    public record Page(List<Entry> entries, Optional<String> lastSortKey) {
    }

    public Page page(String personId, Optional<String> afterSortKey, int max) {
        String pk = "PERSON#" + personId;
        QueryResponse response = dynamo.query(q -> {
            q.tableName(table).consistentRead(true).limit(max)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                    .projectionExpression("SK, #y, certificateId")
                    .expressionAttributeNames(Map.of("#y", "year"))
                    .expressionAttributeValues(Map.of(":pk", Item.s(pk), ":sk", Item.s("CERT#")));
            afterSortKey.ifPresent(sk -> q.exclusiveStartKey(Item.key(pk, sk)));
        });
        List<Entry> entries = response.items().stream().map(Item::of)
                .map(i -> new Entry(i.str("SK"), i.num("year", 0), i.str("certificateId"))).toList();
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        return new Page(entries, more ? Optional.of(response.lastEvaluatedKey().get("SK").s()) : Optional.empty());
    }

    /** Lists the certificate under {@code orgId} (at {@code orgPath}); false when it already carries this mark or is gone. */
    public boolean moveTo(String personId, Entry c, String orgId, String orgPath, String mark) {
        return update(personId, c, orgId, orgPath, mark, "SET unitOrgId = :u, orgPath = :p, GSI2SK = :sk, " + MARK + " = :mark",
                "attribute_exists(PK) AND (attribute_not_exists(" + MARK + ") OR " + MARK + " <> :mark)");
    }

    /** Lists the certificate under {@code orgId} again if it carries {@code mark}, and removes the mark. */
    public boolean moveBack(String personId, Entry c, String orgId, String orgPath, String mark) {
        return update(personId, c, orgId, orgPath, mark, "SET unitOrgId = :u, orgPath = :p, GSI2SK = :sk REMOVE " + MARK,
                MARK + " = :mark");
    }

    private boolean update(String personId, Entry c, String orgId, String orgPath, String mark, String expression, String condition) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(Item.key("PERSON#" + personId, c.sortKey()))
                    .updateExpression(expression)
                    .conditionExpression(condition)
                    .expressionAttributeValues(Map.of(":u", Item.s(orgId), ":p", Item.s(orgPath),
                            ":sk", Item.s(orgPath + c.year() + "#" + c.certificateId()), ":mark", Item.s(mark))));
            return true;
        } catch (ConditionalCheckFailedException alreadyOrNotOurs) {
            return false;
        }
    }
}
