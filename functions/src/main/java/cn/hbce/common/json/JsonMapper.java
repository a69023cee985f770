package cn.hbce.common.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The one JSON mapper: unknown fields are rejected, nulls are left out. Shared by the web layer
 * (request and response bodies) and the adapters that store JSON (review details, workflow input),
 * which is why it lives outside {@code common.http}.
 */
public final class JsonMapper {
    /** Times leave the API as ISO-8601 with the China offset, e.g. 2026-11-28T09:30:00+08:00. */
    public static final ZoneOffset CHINA = JsonWriter.CHINA;
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule("hbce-time").addSerializer(Instant.class, new JsonSerializer<>() {
                @Override
                public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                    gen.writeString(JsonWriter.time(value));
                }
            }))
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
            .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
            .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false)
            .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    static {
        // A text field takes a JSON string only: true or 12 are not quietly read as "true" or "12".
        MAPPER.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }

    private JsonMapper() {
    }
}
