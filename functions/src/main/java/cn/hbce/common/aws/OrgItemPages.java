package cn.hbce.common.aws;

import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One page of an org's items of one kind ({@code ORG#org / PREFIX#id}), in id order. The cursor is
 * the last id returned; the key to start after is rebuilt inside the caller's own partition.
 */
public final class OrgItemPages {
    private OrgItemPages() {
    }

    public static <T> Page<T> list(DynamoDbClient dynamo, String table, String orgId, String prefix, PageRequest page,
                                   Function<Item, T> mapper, Function<T, String> idOf) {
        String pk = "ORG#" + orgId;
        Map<String, AttributeValue> start = page.after().map(id -> Item.key(pk, prefix + id)).orElse(null);
        var response = dynamo.query(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                .expressionAttributeValues(Map.of(":pk", Item.s(pk), ":sk", Item.s(prefix)))
                .exclusiveStartKey(start)
                .limit(page.limit() + 1));
        List<T> rows = response.items().stream().map(Item::of).map(mapper).toList();
        // One row more than asked tells whether another page exists, without an empty last page.
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, page.limit());
        return new Page<>(items, PageRequest.cursorAfter(idOf.apply(items.get(items.size() - 1))));
    }
}
