package cn.hbce.common.json;

/**
 * An answer that writes its own fields with {@link JsonWriter} instead of going through the
 * mapper: for the routes whose cold start should not load jackson-databind (see {@link JsonWriter}).
 * The handler base writes any body of this type as the object of these fields.
 */
public interface JsonWritable {
    void writeFields(JsonWriter json);
}
