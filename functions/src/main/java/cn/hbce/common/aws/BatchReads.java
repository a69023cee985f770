package cn.hbce.common.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Every existing item of many keys of one table: BatchGetItem takes 100 keys a call and may hand
 * some back unprocessed (throttling, the 16 MB answer limit), which are asked again with a short
 * growing pause, at most ten times before the read gives up loudly rather than return a partial answer.
 */
public final class BatchReads {
    /** Keys BatchGetItem accepts in one call. */
    public static final int MAX_KEYS = 100;
    private static final int MAX_ROUNDS = 10;

    private BatchReads() {
    }

    /** The items that exist among {@code keys}, in no particular order; {@code consistent} for strongly consistent reads. */
    public static List<Map<String, AttributeValue>> all(DynamoDbClient dynamo, String table,
                                                        List<Map<String, AttributeValue>> keys, boolean consistent) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += MAX_KEYS) {
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(keys.size(), from + MAX_KEYS))).consistentRead(consistent).build());
            for (int round = 1; !request.isEmpty(); round++) {
                Map<String, KeysAndAttributes> sending = request;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(sending));
                out.addAll(response.responses().getOrDefault(table, List.of()));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                if (!request.isEmpty()) {
                    pause(round);
                }
            }
        }
        return out;
    }

    private static void pause(int round) {
        if (round >= MAX_ROUNDS) {
            throw new IllegalStateException("BatchGetItem left keys unprocessed " + round + " times");
        }
        try {
            Thread.sleep(20L * round);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
