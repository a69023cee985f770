package cn.hbce.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.Forbidden;
import cn.hbce.common.domain.Invalid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A streamed export is stored only when every row was written: the row cap and refusals leave no file and no audit. */
class ExportServiceTest {
    private static final Actor ADMIN = new Actor("p1", "s1", "DEPARTMENT", "o_dept", "a1", true, Set.of(), true, false);
    private static final AuditContext META = new AuditContext("req", "127.0.0.1", "p1", "o_dept");

    private final List<String> stored = new ArrayList<>();
    private final List<AuditRecord> audited = new ArrayList<>();
    private final ExportFiles files = new ExportFiles() {
        @Override
        public void put(String key, byte[] content, String contentType, String downloadName) {
            stored.add(key);
        }

        @Override
        public String presignGet(String key, Duration validFor) {
            return "https://bucket/" + key;
        }
    };

    private ExportService service(ExportSource persons) {
        return new ExportService(null, Map.of("PERSONS", persons), files, audited::add,
                Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC));
    }

    private static ExportSource rows(int n) {
        return (caller, filters) -> new ExportStream("专技人员", List.of("姓名"), List.of(12), sink -> {
            for (int i = 0; i < n; i++) {
                sink.accept(List.of("人员" + i));
            }
        });
    }

    @Test
    void exactlyTheCapIsWrittenStoredAndAudited() {
        Map<String, Object> out = service(rows(ExportService.MAX_ROWS)).export(ADMIN,
                new ExportService.Request("PERSONS", "csv", Map.of()), META);
        assertEquals(ExportService.MAX_ROWS, out.get("rows"));
        assertEquals(1, stored.size());
        assertEquals(List.of("EXPORT_PERSONS"), audited.stream().map(AuditRecord::action).toList());
    }

    @Test
    void oneRowOverTheCapIsRefusedAndNothingIsStored() {
        Invalid refused = assertThrows(Invalid.class, () -> service(rows(ExportService.MAX_ROWS + 1)).export(ADMIN,
                new ExportService.Request("PERSONS", "xlsx", Map.of()), META));
        assertEquals(List.of("filters"), refused.fields());
        assertEquals(List.of(), stored);
        assertEquals(List.of(), audited);
    }

    @Test
    void aSourcesRefusalStoresNothing() {
        ExportSource forbidden = (caller, filters) -> {
            throw new Forbidden();
        };
        assertThrows(Forbidden.class, () -> service(forbidden).export(ADMIN, new ExportService.Request("PERSONS", "xlsx", Map.of()),
                META));
        assertThrows(Invalid.class, () -> service(rows(1)).export(ADMIN, new ExportService.Request("HOURS", "xlsx", Map.of()), META));
        assertEquals(List.of(), stored);
        assertEquals(List.of(), audited);
    }
}
