package cn.hbce.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.hbce.common.http.ApiError;
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
        assertEquals(new PageRequest(20, Optional.empty()), PageRequest.of(query(Map.of())));
        assertEquals(100, PageRequest.of(query(Map.of("limit", "100"))).limit());
        for (String bad : new String[]{"0", "101", "-1", "ten", "1.5"}) {
            ApiError e = assertThrows(ApiError.class, () -> PageRequest.of(query(Map.of("limit", bad))));
            assertEquals(List.of("limit"), e.fields());
        }
    }

    @Test
    void aCursorCarriesOnlyAnIdAndRoundTrips() {
        String cursor = PageRequest.cursorAfter("r_0123456789abcdefghjk");
        assertEquals(Optional.of("r_0123456789abcdefghjk"), PageRequest.of(query(Map.of("cursor", cursor))).after());
    }

    @Test
    void forgedCursorsAre400() {
        for (String bad : new String[]{"%%%", PageRequest.cursorAfter("ORG#o_other"), PageRequest.cursorAfter("{\"PK\":\"x\"}")}) {
            ApiError e = assertThrows(ApiError.class, () -> PageRequest.of(query(Map.of("cursor", bad))));
            assertEquals(List.of("cursor"), e.fields());
        }
    }
}
