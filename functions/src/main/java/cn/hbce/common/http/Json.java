package cn.hbce.common.http;

import cn.hbce.common.domain.Invalid;
import cn.hbce.common.json.JsonMapper;
import java.time.ZoneOffset;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.stream.Collectors;

/** JSON of requests and responses ({@link JsonMapper}): any problem with a body is a 400 naming the field, never a 500. */
public final class Json {
    /** Times leave the API as ISO-8601 with the China offset, e.g. 2026-11-28T09:30:00+08:00. */
    public static final ZoneOffset CHINA = JsonMapper.CHINA;
    public static final ObjectMapper MAPPER = JsonMapper.MAPPER;

    private Json() {
    }

    /** Parses a request body; any problem is a 400 naming the field, never a 500. */
    public static <T> T readBody(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new ApiError(ErrorCode.MALFORMED_JSON, UserMessages.of("EMPTY_BODY"));
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new ApiError(ErrorCode.MALFORMED_JSON);
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new ApiError(ErrorCode.VALIDATION_FAILED, UserMessages.of("UNKNOWN_FIELD") + e.getPropertyName(),
                    List.of(path(e)));
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw Invalid.field(field.isEmpty() ? "body" : field);
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
