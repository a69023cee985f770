package cn.hbce.common.http;

import com.fasterxml.jackson.annotation.JsonInclude;
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
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

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
