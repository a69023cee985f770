package cn.hbce.common.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.stream.Collectors;

/** The one JSON mapper: unknown request fields are rejected, nulls are left out of responses. */
public final class Json {
    /** Times leave the API as ISO-8601 with the China offset, e.g. 2026-11-28T09:30:00+08:00. */
    public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule("hbce-time").addSerializer(Instant.class, new JsonSerializer<>() {
                @Override
                public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                    gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).atOffset(CHINA)));
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
        MAPPER.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
    }

    private Json() {
    }

    /** Parses a request body; any problem is a 400 naming the field, never a 500. */
    public static <T> T readBody(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new ApiError(ErrorCode.MALFORMED_JSON, "请求体不能为空");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new ApiError(ErrorCode.MALFORMED_JSON);
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new ApiError(ErrorCode.VALIDATION_FAILED, "不支持的字段：" + e.getPropertyName(),
                    List.of(path(e)));
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw ApiError.invalid(List.of(field.isEmpty() ? "body" : field));
        } catch (JsonProcessingException e) {
            throw new ApiError(ErrorCode.MALFORMED_JSON);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response could not be serialised", e);
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
