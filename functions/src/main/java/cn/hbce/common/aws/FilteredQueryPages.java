package cn.hbce.common.aws;

import cn.hbce.common.paging.CursorCodec;
import cn.hbce.common.paging.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One page of a newest-first index query whose filters may drop rows: DynamoDB applies a filter
 * after it has read {@code Limit} items, so a filtered page is gathered over as many reads as it
 * takes (each of {@link #FILTERED_READ} items) and the cursor names the last row returned, or, when
 * nothing was returned, where the reading stopped. Cursors are sealed to the query's {@code scope}.
 */
public final class FilteredQueryPages {
    /** Items read per request while a filter is active: most are dropped, so read big pages (DynamoDB still stops at 1 MB). */
    public static final int FILTERED_READ = 1000;

    private FilteredQueryPages() {
    }

    /** The index, its key attribute names and the partition this page reads. */
    public record IndexPartition(String table, String index, String pkName, String skName, String pk) {
    }

    /**
     * Reads up to {@code limit} rows of {@code partition} matching {@code keyCondition} and every
     * filter, newest first, continuing after {@code cursor}.
     */
    public static <T> Page<T> read(DynamoDbClient dynamo, IndexPartition partition, String keyCondition, List<String> filters,
                                   Map<String, String> names, Map<String, AttributeValue> values, int limit,
                                   CursorCodec cursors, String scope, Optional<String> cursor, Function<Item, T> row) {
        Map<String, AttributeValue> start = cursor
                .map(c -> Cursors.decode(cursors, scope, c, partition.pkName(), partition.pk())).orElse(null);
        List<T> items = new ArrayList<>();
        Map<String, AttributeValue> lastReturned = null;
        boolean more;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(partition.table()).indexName(partition.index())
                    .keyConditionExpression(keyCondition).expressionAttributeNames(names).expressionAttributeValues(values)
                    .scanIndexForward(false).limit(filters.isEmpty() ? Math.max(limit, 25) : FILTERED_READ)
                    .exclusiveStartKey(start);
            if (!filters.isEmpty()) {
                request.filterExpression(String.join(" AND ", filters));
            }
            QueryResponse page = dynamo.query(request.build());
            for (var found : page.items()) {
                items.add(row.apply(Item.of(found)));
                if (items.size() == limit) {
                    lastReturned = Cursors.keyOf(found, partition.pkName(), partition.skName());
                    break;
                }
            }
            more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
            start = more ? page.lastEvaluatedKey() : null;
        } while (items.size() < limit && more);
        String next = lastReturned != null ? Cursors.encode(cursors, scope, lastReturned)
                : more ? Cursors.encode(cursors, scope, start) : null;
        return new Page<>(items, next);
    }
}
