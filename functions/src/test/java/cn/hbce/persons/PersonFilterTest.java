package cn.hbce.persons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.hbce.common.domain.Invalid;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The filters of the person query: one parser for the query string and an export's filters, refusals name the field. */
class PersonFilterTest {

    private static PersonFilter parse(Map<String, String> params, String prefix) {
        return PersonFilter.parse(name -> Optional.ofNullable(params.get(name)), prefix);
    }

    @Test
    void defaultsToApprovedRegistrationsAndKeepsEveryFilter() {
        PersonFilter none = parse(Map.of(), "");
        assertEquals("APPROVED", none.status());
        assertEquals(Optional.empty(), none.year());
        PersonFilter all = parse(Map.of("q", " 张 ", "titleSeries", "会计", "titleLevel", "中级", "status", "PENDING",
                "year", "2026", "met", "false"), "");
        assertEquals(Optional.of("张"), all.q());
        assertEquals(Optional.of(2026), all.year());
        assertEquals(Optional.of(false), all.met());
        assertNotEquals(none.scopeKey(), all.scopeKey(), "a cursor of one filter set is not one of another");
    }

    @Test
    void refusalsNameTheFieldWithTheCallersPrefix() {
        assertEquals("filters.met", field(() -> parse(Map.of("met", "yes", "year", "2026"), "filters.")));
        assertEquals("year", field(() -> parse(Map.of("met", "true"), "")));
        assertEquals("year", field(() -> parse(Map.of("year", "1999"), "")));
        assertEquals("year", field(() -> parse(Map.of("year", "20x6"), "")));
        assertEquals("status", field(() -> parse(Map.of("status", "DELETED"), "")));
        assertEquals("q", field(() -> parse(Map.of("q", "长".repeat(51)), "")));
        assertEquals("unitOrgId", field(() -> parse(Map.of("unitOrgId", "../x"), "")));
    }

    private static String field(Runnable parse) {
        Invalid e = assertThrows(Invalid.class, parse::run);
        return e.fields().get(0);
    }
}
