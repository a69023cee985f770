package cn.hbce.exports;

import cn.hbce.common.domain.Invalid;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An export's {@code filters} object read as the query string of the matching list route would be:
 * each value a string, an integer or a boolean, named like the route's parameters. An unknown name
 * or a value of another kind is refused (400 naming {@code filters.<name>}), so an export never
 * silently ignores what the caller asked for.
 */
final class ExportFilters {
    private final Map<String, Object> values;

    private ExportFilters(Map<String, Object> values) {
        this.values = values;
    }

    static ExportFilters of(Map<String, Object> filters, Set<String> allowed) {
        for (Map.Entry<String, Object> e : filters.entrySet()) {
            Object v = e.getValue();
            boolean plain = v == null || v instanceof String || v instanceof Boolean
                    || v instanceof Integer || v instanceof Long;
            if (!allowed.contains(e.getKey()) || !plain || (v instanceof String s && s.length() > 100)) {
                throw Invalid.field("filters." + e.getKey());
            }
        }
        return new ExportFilters(filters);
    }

    /** The value as text, empty when absent, null or blank (every filter is optional). */
    Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name)).map(Object::toString).filter(s -> !s.isBlank());
    }
}
