package cn.hbce.common.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.hbce.common.domain.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatesTest {

    @Test
    void realDatesOfTheRangeAreAccepted() {
        assertEquals(LocalDate.of(2000, 1, 1), Dates.day("startDate", "2000-01-01"));
        assertEquals(LocalDate.of(2100, 12, 31), Dates.day("startDate", "2100-12-31"));
        assertEquals(LocalDate.of(2024, 2, 29), Dates.day("startDate", "2024-02-29"));
        assertEquals(Instant.parse("2026-11-27T16:00:00Z"), Dates.instant("from", "2026-11-28", false));
        assertEquals(Instant.parse("2026-11-28T15:59:59.999Z"), Dates.instant("to", "2026-11-28", true));
        assertEquals(Instant.parse("2026-11-28T01:30:00Z"), Dates.instant("from", "2026-11-28T09:30:00+08:00", false));
    }

    @Test
    void anythingElseIs400NamingTheField() {
        for (String bad : new String[]{"1999-12-31", "2101-01-01", "9999-12-31", "0000-01-01", "2026-02-30", "2025-02-29",
                "2026-13-01", "2026-1-1", "26-01-01", "abc", "", "+2026-01-01", "2026-01-01x", "２０２６-０１-０１"}) {
            Refusal e = assertThrows(Refusal.class, () -> Dates.day("startDate", bad), bad);
            assertEquals("VALIDATION_FAILED", e.reason().code());
            assertEquals(List.of("startDate"), e.fields());
        }
        for (String bad : new String[]{"+999999999-12-31T23:59:59Z", "1970-01-01T00:00:00Z", "2101-01-01T00:00:00+08:00",
                "2026-11-28T09:30:00", "2026-11-28T25:00:00+08:00", "1999-12-31T23:59:59+08:00", "x".repeat(41),
                "9999-12-31", "-0001-01-01"}) {
            Refusal e = assertThrows(Refusal.class, () -> Dates.instant("to", bad, true), bad);
            assertEquals(List.of("to"), e.fields());
        }
    }
}
