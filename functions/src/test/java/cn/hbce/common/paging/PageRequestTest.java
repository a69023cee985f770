package cn.hbce.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.hbce.common.domain.Invalid;
import cn.hbce.common.http.ApiRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    private static ApiRequest query(Map<String, String> q) {
        return new ApiRequest("GET", "/v1/org/roles", Map.of(), q, Map.of(), null, "127.0.0.1", "req", Optional.empty());
    }

    @Test
    void defaultsAndLimits() {
        assertEquals(new PageRequest(20, Optional.empty()), query(Map.of()).page());
        assertEquals(100, query(Map.of("limit", "100")).page().limit());
        assertEquals(7, query(Map.of("limit", " 7 ")).page().limit());
        for (String bad : new String[]{"0", "101", "-1", "ten", "1.5", "1e9", "+5", "99999999999999999999", "١٠", "5\u0000"}) {
            Invalid e = assertThrows(Invalid.class, () -> query(Map.of("limit", bad)).page(), bad);
            assertEquals(List.of("limit"), e.fields());
        }
    }

    @Test
    void theCursorIsPassedOnAsSentForTheListToOpen() {
        assertEquals(Optional.of("abc.def"), query(Map.of("cursor", "abc.def")).page().cursor());
    }
}
