package cn.hbce.common.aws;

import cn.hbce.common.http.ApiError;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Paging cursors: a Query's LastEvaluatedKey (string keys only) as opaque base64url JSON. A cursor
 * is only accepted for the partition it came from, so it cannot move a caller into another queue.
 */
public final class Cursors {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Cursors() {
    }

    public static String encode(Map<String, AttributeValue> key) {
        Map<String, String> plain = new LinkedHashMap<>();
        key.forEach((k, v) -> plain.put(k, v.s()));
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MAPPER.writeValueAsBytes(plain));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key to start after; 400 naming {@code cursor} unless it is well-formed and for {@code partitionValue}. */
    public static Map<String, AttributeValue> decode(String cursor, String partitionAttribute, String partitionValue) {
        try {
            Map<String, String> plain = MAPPER.readValue(Base64.getUrlDecoder().decode(cursor), new TypeReference<>() { });
            if (!partitionValue.equals(plain.get(partitionAttribute)) || !plain.containsKey("PK") || !plain.containsKey("SK")) {
                throw ApiError.invalid(List.of("cursor"));
            }
            Map<String, AttributeValue> key = new HashMap<>();
            plain.forEach((k, v) -> key.put(k, AttributeValue.fromS(v)));
            return key;
        } catch (IllegalArgumentException | IOException e) {
            throw ApiError.invalid(List.of("cursor"));
        }
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
