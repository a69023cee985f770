package cn.hbce.common.validation;

import cn.hbce.common.domain.Invalid;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Date input of every route: real calendar dates ({@code YYYY-MM-DD}, China time) or ISO-8601
 * instants with offset, within the years 2000–2100. Anything else is 400 naming the field, so no
 * absurd value (year 9999, year 0, 2026-02-30) reaches a key condition or an item.
 */
public final class Dates {
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    /** Longer than any ISO-8601 date-time with nanoseconds and offset. */
    private static final int MAX_CHARS = 40;

    private Dates() {
    }

    /** A calendar day {@code YYYY-MM-DD} within 2000–2100. */
    public static LocalDate day(String field, String raw) {
        if (raw == null || raw.length() != 10) {
            throw Invalid.field(field);
        }
        try {
            return inRange(field, LocalDate.parse(raw));
        } catch (DateTimeException e) {
            throw Invalid.field(field);
        }
    }

    /**
     * A day (taken as its first millisecond, or its last with {@code endOfDay}, China time) or an
     * ISO-8601 instant with offset; both within 2000–2100.
     */
    public static Instant instant(String field, String raw, boolean endOfDay) {
        if (raw == null || raw.length() > MAX_CHARS) {
            throw Invalid.field(field);
        }
        if (raw.length() == 10) {
            LocalDate day = day(field, raw);
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(CHINA).toInstant().minusMillis(endOfDay ? 1 : 0);
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(raw);
            inRange(field, at.atZoneSameInstant(CHINA).toLocalDate());
            return at.toInstant();
        } catch (DateTimeException e) {
            throw Invalid.field(field);
        }
    }

    private static LocalDate inRange(String field, LocalDate day) {
        if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
            throw Invalid.field(field);
        }
        return day;
    }
}
