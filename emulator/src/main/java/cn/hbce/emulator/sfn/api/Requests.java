package cn.hbce.emulator.sfn.api;

import cn.hbce.emulator.sfn.errors.ServiceError;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Field access, paging and timestamps for API requests and responses. */
final class Requests {

    private Requests() {
    }

    static String required(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull() || !value.isTextual()) {
            throw new ServiceError("ValidationException", "1 validation error detected: Value null at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value.textValue();
    }

    static String optional(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Epoch seconds with milliseconds, the AWS JSON protocol's timestamp form. */
    static BigDecimal timestamp(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    }

    static int maxResults(JsonNode request, int defaultSize) {
        JsonNode value = request.get("maxResults");
        if (value == null || value.isNull() || value.asInt() == 0) {
            return defaultSize;
        }
        int size = value.asInt();
        if (size < 0 || size > 1000) {
            throw new ServiceError("ValidationException", "1 validation error detected: Value '" + size
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value between 0 and 1000");
        }
        return size;
    }

    /** A page of items starting at the offset the request's nextToken encodes. */
    record Page<T>(List<T> items, String nextToken) {
    }

    static <T> Page<T> page(List<T> all, JsonNode request, int defaultSize) {
        int size = maxResults(request, defaultSize);
        int offset = 0;
        String token = optional(request, "nextToken");
        if (token != null) {
            try {
                offset = Integer.parseInt(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new ServiceError("InvalidToken", "Invalid Token: 'Invalid pagination token'");
            }
            if (offset < 0 || offset > all.size()) {
                throw new ServiceError("InvalidToken", "Invalid Token: 'Invalid pagination token'");
            }
        }
        int end = Math.min(all.size(), offset + size);
        String next = end < all.size()
                ? Base64.getUrlEncoder().encodeToString(Integer.toString(end).getBytes(StandardCharsets.UTF_8)) : null;
        return new Page<>(all.subList(offset, end), next);
    }
}
