package cn.hbce.common.aws;

import cn.hbce.common.paging.CursorCodec;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Paging cursors of index queries: a Query's LastEvaluatedKey (string keys only) as JSON, sealed
 * by {@link CursorCodec} for the list's scope. A cursor opens only for the scope it was sealed for,
 * and its key must still lie in the partition being read, so it cannot move a caller into another
 * queue nor hand DynamoDB a start key outside the query.
 */
public final class Cursors {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Cursors() {
    }

    public static String encode(CursorCodec codec, String scope, Map<String, AttributeValue> key) {
        Map<String, String> plain = new LinkedHashMap<>();
        key.forEach((k, v) -> plain.put(k, v.s()));
        try {
            return codec.seal(scope, MAPPER.writeValueAsString(plain));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key to start after; 400 {@code INVALID_CURSOR} unless sealed for {@code scope} and in {@code partitionValue}. */
    public static Map<String, AttributeValue> decode(CursorCodec codec, String scope, String cursor,
                                                     String partitionAttribute, String partitionValue) {
        String position = codec.open(scope, cursor);
        Map<String, String> plain;
        try {
            plain = MAPPER.readValue(position, new TypeReference<>() { });
        } catch (IOException e) {
            throw CursorCodec.invalid();
        }
        if (plain == null || !partitionValue.equals(plain.get(partitionAttribute)) || plain.get("PK") == null
                || plain.get("SK") == null || plain.values().stream().anyMatch(v -> v == null)) {
            throw CursorCodec.invalid();
        }
        Map<String, AttributeValue> key = new HashMap<>();
        plain.forEach((k, v) -> key.put(k, AttributeValue.fromS(v)));
        return key;
    }

    /** The keys of an item as they appear in a LastEvaluatedKey of the given index. */
    public static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, String indexPk, String indexSk) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : List.of("PK", "SK", indexPk, indexSk)) {
            key.put(name, item.get(name));
        }
        return key;
    }
}
