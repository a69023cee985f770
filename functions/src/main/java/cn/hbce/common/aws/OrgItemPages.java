package cn.hbce.common.aws;

import cn.hbce.common.paging.CursorCodec;
import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One page of an org's items of one kind ({@code ORG#org / PREFIX#id}), in id order. The cursor
 * seals the last id returned for this org and this kind of item; the key to start after is rebuilt
 * inside the caller's own partition from that id alone.
 */
public final class OrgItemPages {
    private static final Pattern OPAQUE_ID = Pattern.compile("[a-z]_[0-9a-z_]{1,64}");

    private OrgItemPages() {
    }

    public static <T> Page<T> list(DynamoDbClient dynamo, String table, CursorCodec cursors, String orgId, String prefix,
                                   PageRequest page, Function<Item, T> mapper, Function<T, String> idOf) {
        String pk = "ORG#" + orgId;
        String scope = CursorCodec.scope("org-items", pk, prefix);
        Map<String, AttributeValue> start = page.cursor().map(c -> Item.key(pk, prefix + afterId(cursors.open(scope, c))))
                .orElse(null);
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
        return new Page<>(items, cursors.seal(scope, idOf.apply(items.get(items.size() - 1))));
    }

    /** A sealed position is one of our ids; checked again so that even a leaked key cannot aim outside the prefix. */
    private static String afterId(String id) {
        if (!OPAQUE_ID.matcher(id).matches()) {
            throw CursorCodec.invalid();
        }
        return id;
    }
}
