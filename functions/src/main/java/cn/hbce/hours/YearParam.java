package cn.hbce.hours;

import cn.hbce.common.domain.Invalid;
import java.util.Optional;

/** A year in a path or query: four digits within 2000–2100, else 400 naming the field. */
final class YearParam {
    private YearParam() {
    }

    static int parse(String field, String raw) {
        if (raw == null || !raw.matches("\\d{4}")) {
            throw Invalid.field(field);
        }
        int year = Integer.parseInt(raw);
        if (year < 2000 || year > 2100) {
            throw Invalid.field(field);
        }
        return year;
    }

    static Optional<Integer> optional(String field, Optional<String> raw) {
        return raw.map(v -> parse(field, v));
    }
}
