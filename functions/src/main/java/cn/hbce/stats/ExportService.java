package cn.hbce.stats;

import cn.hbce.common.Ids;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.Invalid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 导出数据: the same figures as the JSON routes (same service, same jurisdiction check), written as
 * xlsx or csv to S3 and fetched with a presigned GET. TITLE_SERIES and OVERVIEW hold org figures
 * (a few rows, built here); PERSONS and HOURS come from the {@link ExportSource} of their feature and
 * are streamed row by row into the writer. The file is stored only once every row is written: a bad
 * filter, a missing permission or more than {@link #MAX_ROWS} rows store nothing. Every export is
 * audited with its type.
 */
public final class ExportService {
    public static final int MAX_ROWS = 100_000;
    static final Duration LINK_LIFETIME = Duration.ofMinutes(15);
    private final StatsService stats;
    private final Map<String, ExportSource> sources;
    private final ExportFiles files;
    private final AuditLog audit;
    private final Clock clock;

    public ExportService(StatsService stats, ExportFiles files, AuditLog audit, Clock clock) {
        this(stats, Map.of(), files, audit, clock);
    }

    /** {@code sources}: the export types other features own, by type name (PERSONS, HOURS). */
    public ExportService(StatsService stats, Map<String, ExportSource> sources, ExportFiles files, AuditLog audit, Clock clock) {
        this.stats = stats;
        this.sources = Map.copyOf(sources);
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    public record Request(String type, String format, Map<String, Object> filters) {
    }

    public Map<String, Object> export(Actor caller, Request req, AuditContext meta) {
        String format = req.format() == null ? "xlsx" : req.format();
        if (!format.equals("xlsx") && !format.equals("csv")) {
            throw Invalid.field("format");
        }
        if (req.type() == null || !(req.type().equals("TITLE_SERIES") || req.type().equals("OVERVIEW")
                || sources.containsKey(req.type()))) {
            throw Invalid.field("type");
        }
        Map<String, Object> filters = req.filters() == null ? Map.of() : req.filters();
        ExportStream table;
        if (sources.containsKey(req.type())) {
            table = sources.get(req.type()).open(caller, filters);
        } else {
            Optional<String> orgId = text(filters.get("orgId"), "orgId");
            Optional<String> year = Optional.ofNullable(filters.get("year")).map(Object::toString);
            table = ExportStream.of(req.type().equals("TITLE_SERIES")
                    ? titleSeries(stats.titleSeries(caller, orgId, year))
                    : overview(stats.overview(caller, orgId, year)));
        }
        int[] count = {0};
        ExportStream counted = new ExportStream(table.sheetName(), table.headers(), table.widths(), sink -> table.rows().forEach(row -> {
            if (++count[0] > MAX_ROWS) {
                throw Invalid.field("filters");
            }
            sink.accept(row);
        }));
        byte[] content = format.equals("xlsx") ? XlsxWriter.write(counted) : CsvWriter.write(counted);
        String exportId = Ids.newId("x");
        String key = "exports/" + caller.requireOrg() + "/" + exportId + "." + format;
        String downloadName = table.sheetName() + "." + format;
        files.put(key, content, format.equals("xlsx")
                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8", downloadName);
        Instant now = clock.instant();
        String url = files.presignGet(key, LINK_LIFETIME);
        audit.record(new AuditRecord(now, meta, "EXPORT_" + req.type(), "EXPORT", exportId,
                AuditRecord.SUCCESS));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exportId", exportId);
        out.put("rows", count[0]);
        out.put("url", url);
        out.put("expiresAt", now.plus(LINK_LIFETIME).toString());
        return out;
    }

    private static Optional<String> text(Object value, String field) {
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String s) || s.length() > 64) {
            throw Invalid.field("filters." + field);
        }
        return Optional.of(s);
    }

    @SuppressWarnings("unchecked")
    static ExportTable titleSeries(Map<String, Object> json) {
        List<String> levels = (List<String>) json.get("levels");
        List<String> headers = new ArrayList<>();
        headers.add("职称系列");
        headers.addAll(levels);
        headers.add("合计");
        List<Integer> widths = new ArrayList<>();
        widths.add(24);
        levels.forEach(l -> widths.add(10));
        widths.add(10);
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) json.get("rows")) {
            List<Object> values = new ArrayList<>();
            values.add(row.get("titleSeries"));
            Map<String, Long> counts = (Map<String, Long>) row.get("counts");
            levels.forEach(l -> values.add(counts.get(l)));
            values.add(row.get("total"));
            rows.add(values);
        }
        Map<String, Object> totals = (Map<String, Object>) json.get("totals");
        List<Object> last = new ArrayList<>();
        last.add("合计");
        levels.forEach(l -> last.add(totals.get(l)));
        last.add(totals.get("total"));
        rows.add(last);
        return new ExportTable("职称系列分布", headers, widths, rows);
    }

    @SuppressWarnings("unchecked")
    static ExportTable overview(Map<String, Object> json) {
        List<String> headers = List.of("机构", "机构类型", "专技人员", "达标人数", "达标率");
        List<Integer> widths = List.of(40, 10, 12, 12, 10);
        List<List<Object>> rows = new ArrayList<>();
        Map<String, Object> persons = (Map<String, Object>) json.get("persons");
        Map<String, Object> compliance = (Map<String, Object>) json.get("compliance");
        rows.add(List.of(json.get("name") + "（合计）", "", persons.get("approved"), compliance.get("met"),
                compliance.get("rate")));
        for (Map<String, Object> child : (List<Map<String, Object>>) json.get("children")) {
            rows.add(List.of(child.get("name"), typeName(String.valueOf(child.get("type"))), child.get("persons"),
                    child.get("met"), child.get("rate")));
        }
        return new ExportTable("继教综合统计", headers, widths, rows);
    }

    private static String typeName(String type) {
        return switch (type) {
            case "HRSS" -> "人社厅";
            case "DEPARTMENT" -> "主管部门";
            case "UNIT" -> "单位";
            case "BASE" -> "继续教育基地";
            default -> type;
        };
    }
}
