package cn.hbce.exports;

import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.Forbidden;
import cn.hbce.persons.PersonFilter;
import cn.hbce.persons.PersonQueryService;
import cn.hbce.stats.ExportSource;
import cn.hbce.stats.ExportStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PERSONS export: exactly the rows of {@code GET /v1/persons} with the same filters (same service,
 * same jurisdiction, same order), walked page by page with the jurisdiction resolved once. Needs {@code persons.view} like the route.
 * ID numbers and phones are masked by the query itself; names are in full (the contract's rule).
 */
public final class PersonsExport implements ExportSource {
    private final PersonQueryService persons;

    public PersonsExport(PersonQueryService persons) {
        this.persons = persons;
    }

    @Override
    public ExportStream open(Actor caller, Map<String, Object> filters) {
        if (!caller.can("persons.view")) {
            throw new Forbidden();
        }
        ExportFilters given = ExportFilters.of(filters, PersonFilter.NAMES);
        PersonFilter filter = PersonFilter.parse(given::text, "filters.");
        boolean withYear = filter.year().isPresent();
        List<String> headers = new ArrayList<>(List.of("姓名", "身份证号", "手机号", "单位", "职称系列", "职称级别", "注册状态"));
        List<Integer> widths = new ArrayList<>(List.of(12, 20, 14, 36, 22, 10, 10));
        if (withYear) {
            headers.addAll(List.of("年度", "公需学时", "专业学时", "总学时", "是否达标"));
            widths.addAll(List.of(8, 10, 10, 10, 10));
        }
        // Resolved now, so a refusal (a unit outside the jurisdiction: 404) comes before anything is written.
        PersonQueryService.Walk walk = persons.walk(caller, filter);
        return new ExportStream("专技人员", headers, widths, sink -> walk.forEach(p -> {
            List<Object> row = new ArrayList<>(List.of(p.name(), p.idCardMasked(), nz(p.phoneMasked()), p.unitName(),
                    nz(p.titleSeries()), nz(p.titleLevel()), statusName(p.status())));
            if (withYear) {
                row.addAll(List.of(p.year(), p.publicHours(), p.professionalHours(), p.totalHours(), p.met() ? "达标" : "未达标"));
            }
            sink.accept(row);
        }));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String statusName(String status) {
        return switch (status) {
            case "APPROVED" -> "已通过";
            case "PENDING" -> "待审核";
            case "REJECTED" -> "未通过";
            default -> status;
        };
    }
}
