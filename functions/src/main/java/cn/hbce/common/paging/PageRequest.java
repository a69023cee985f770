package cn.hbce.common.paging;

import cn.hbce.common.http.ApiError;
import cn.hbce.common.http.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code ?limit=} (1–100, default 20) and {@code ?cursor=} of a list route. The cursor names the
 * last opaque id returned, never a raw key: the repository rebuilds the key inside the caller's
 * own partition, so a cursor cannot reach into another org's data.
 */
public record PageRequest(int limit, Optional<String> after) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final Pattern OPAQUE_ID = Pattern.compile("[a-z]_[0-9a-z_]{1,64}");

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    public static PageRequest of(ApiRequest request) {
        return new PageRequest(limit(request), request.queryParam("cursor").map(PageRequest::decode));
    }

    /** {@code ?limit=}: 20 when absent, 400 naming {@code limit} outside 1–100. */
    public static int limit(ApiRequest request) {
        return request.queryParam("limit").map(PageRequest::limit).orElse(DEFAULT_LIMIT);
    }

    /** The cursor that continues after {@code lastId}. */
    public static String cursorAfter(String lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.getBytes(StandardCharsets.UTF_8));
    }

    private static int limit(String raw) {
        try {
            int n = Integer.parseInt(raw.trim());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiError.invalid(List.of("limit"));
    }

    private static String decode(String cursor) {
        try {
            String id = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            if (OPAQUE_ID.matcher(id).matches()) {
                return id;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw ApiError.invalid(List.of("cursor"));
    }
}
