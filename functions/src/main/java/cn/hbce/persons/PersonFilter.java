package cn.hbce.persons;

import cn.hbce.common.Ids;
import cn.hbce.common.domain.Invalid;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The filters of 专技人员信息查询 ({@code GET /v1/persons} and a PERSONS export): part of the name,
 * the unit, the title series and level, the registration status (APPROVED unless asked), and a year
 * with, optionally, whether the person met it. Parsed from text so the query string and an export's
 * {@code filters} object are validated by the same rules (400 naming the field).
 */
public record PersonFilter(Optional<String> q, Optional<String> unitOrgId, Optional<String> titleSeries,
                           Optional<String> titleLevel, String status, Optional<Integer> year, Optional<Boolean> met) {

    public static final Set<String> NAMES = Set.of("q", "unitOrgId", "titleSeries", "titleLevel", "status", "year", "met");
    private static final Set<String> STATUSES = Set.of("APPROVED", "PENDING", "REJECTED");

    /**
     * {@code param} answers a filter's raw text (empty when absent); {@code prefix} is put before a
     * field name in a refusal ({@code ""} for the query string, {@code "filters."} for an export).
     */
    public static PersonFilter parse(Function<String, Optional<String>> param, String prefix) {
        Optional<String> q = text(param.apply("q"), prefix + "q", 50);
        Optional<String> unit = param.apply("unitOrgId").map(String::strip);
        if (unit.isPresent() && !Ids.plausible(unit.get())) {
            throw Invalid.field(prefix + "unitOrgId");
        }
        Optional<String> series = text(param.apply("titleSeries"), prefix + "titleSeries", 30);
        Optional<String> level = text(param.apply("titleLevel"), prefix + "titleLevel", 10);
        String status = param.apply("status").map(String::strip).orElse("APPROVED");
        if (!STATUSES.contains(status)) {
            throw Invalid.field(prefix + "status");
        }
        Optional<Integer> year = param.apply("year").map(String::strip).map(y -> year(y, prefix + "year"));
        Optional<Boolean> met = param.apply("met").map(String::strip).map(m -> switch (m) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Invalid.field(prefix + "met");
        });
        if (met.isPresent() && year.isEmpty()) {
            // "met" is about one year: without it the question has no answer.
            throw Invalid.field(prefix + "year");
        }
        return new PersonFilter(q, unit, series, level, status, year, met);
    }

    /** What a cursor is sealed for: the same filters, in a fixed order. */
    String scopeKey() {
        return String.join("|", q.orElse(""), unitOrgId.orElse(""), titleSeries.orElse(""), titleLevel.orElse(""), status,
                year.map(String::valueOf).orElse(""), met.map(String::valueOf).orElse(""));
    }

    private static Optional<String> text(Optional<String> raw, String field, int max) {
        Optional<String> v = raw.map(String::strip).filter(s -> !s.isEmpty());
        if (v.isPresent() && v.get().length() > max) {
            throw Invalid.field(field);
        }
        return v;
    }

    private static int year(String raw, String field) {
        if (!raw.matches("\\d{4}")) {
            throw Invalid.field(field);
        }
        int y = Integer.parseInt(raw);
        if (y < 2000 || y > 2100) {
            throw Invalid.field(field);
        }
        return y;
    }
}
