package cn.hbce.common.paging;

import cn.hbce.common.http.ApiError;
import cn.hbce.common.http.ApiRequest;
import java.util.List;
import java.util.Optional;

/**
 * {@code ?limit=} (1–100, default 20) and {@code ?cursor=} of a list route. The cursor is kept as
 * the client sent it: only the list that reads the page knows its scope, and opens it there with
 * {@link CursorCodec} (a cursor of another list or org is 400 {@code INVALID_CURSOR}).
 */
public record PageRequest(int limit, Optional<String> cursor) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    public static PageRequest of(ApiRequest request) {
        return new PageRequest(limit(request), request.queryParam("cursor"));
    }

    /** {@code ?limit=}: 20 when absent, 400 naming {@code limit} outside 1–100. */
    public static int limit(ApiRequest request) {
        return request.queryParam("limit").map(PageRequest::limit).orElse(DEFAULT_LIMIT);
    }

    private static int limit(String raw) {
        String digits = raw.strip();
        // Integer.parseInt accepts a leading '+' and any Unicode digit (e.g. '١٠'); the contract means 1–100 in ASCII.
        if (digits.length() <= 3 && digits.chars().allMatch(c -> c >= '0' && c <= '9') && !digits.isEmpty()) {
            int n = Integer.parseInt(digits);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        }
        throw ApiError.invalid(List.of("limit"));
    }
}
