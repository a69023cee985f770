package cn.hbce.common.paging;

import cn.hbce.common.domain.Invalid;
import java.util.Optional;

/**
 * {@code ?limit=} (1–100, default 20) and {@code ?cursor=} of a list route (read from the request
 * by the web layer, {@code ApiRequest.page()}). The cursor is kept as the client sent it: only the
 * list that reads the page knows its scope, and opens it there with {@link CursorCodec} (a cursor of
 * another list or org is 400 {@code INVALID_CURSOR}).
 */
public record PageRequest(int limit, Optional<String> cursor) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    /** A {@code ?limit=} as given: 1–100 in ASCII digits, else 400 naming {@code limit}. */
    public static int parseLimit(String raw) {
        String digits = raw.strip();
        // Integer.parseInt accepts a leading '+' and any Unicode digit (e.g. '١٠'); the contract means 1–100 in ASCII.
        if (digits.length() <= 3 && digits.chars().allMatch(c -> c >= '0' && c <= '9') && !digits.isEmpty()) {
            int n = Integer.parseInt(digits);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        }
        throw Invalid.field("limit");
    }
}
