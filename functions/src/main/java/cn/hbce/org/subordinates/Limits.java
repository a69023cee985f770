package cn.hbce.org.subordinates;

import cn.hbce.common.http.ApiError;
import java.util.List;
import java.util.Optional;

/** The contract's list limit: default 20, 1 to 100. */
final class Limits {
    private Limits() {
    }

    static int parse(Optional<String> raw) {
        if (raw.isEmpty()) {
            return 20;
        }
        try {
            int n = Integer.parseInt(raw.get());
            if (n >= 1 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiError.invalid(List.of("limit"));
    }
}
