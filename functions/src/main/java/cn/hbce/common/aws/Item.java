package cn.hbce.common.aws;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading and writing DynamoDB item attributes without the AttributeValue noise. */
public final class Item {
    private final Map<String, AttributeValue> values;

    private Item(Map<String, AttributeValue> values) {
        this.values = values;
    }

    public static Item of(Map<String, AttributeValue> values) {
        return new Item(values == null ? Map.of() : values);
    }

    public static Item create(String pk, String sk) {
        Item item = new Item(new HashMap<>());
        return item.put("PK", pk).put("SK", sk);
    }

    public Item put(String name, String value) {
        if (value != null) {
            values.put(name, AttributeValue.fromS(value));
        }
        return this;
    }

    public Item put(String name, long value) {
        values.put(name, AttributeValue.fromN(Long.toString(value)));
        return this;
    }

    public Item put(String name, boolean value) {
        values.put(name, AttributeValue.fromBool(value));
        return this;
    }

    public Map<String, AttributeValue> asMap() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public String str(String name) {
        AttributeValue v = values.get(name);
        return v == null ? null : v.s();
    }

    public Optional<String> optStr(String name) {
        return Optional.ofNullable(str(name));
    }

    public long num(String name, long fallback) {
        AttributeValue v = values.get(name);
        return v == null || v.n() == null ? fallback : Long.parseLong(v.n());
    }

    public boolean bool(String name) {
        AttributeValue v = values.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("PK", s(pk), "SK", s(sk));
    }
}
