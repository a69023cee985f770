package cn.hbce.exports;

import cn.hbce.common.Ids;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.Forbidden;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.paging.Page;
import cn.hbce.hours.Category;
import cn.hbce.hours.HoursDeskService;
import cn.hbce.hours.HoursRecord;
import cn.hbce.hours.RecordStatus;
import cn.hbce.stats.ExportSource;
import cn.hbce.stats.ExportStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * HOURS export: the hour records of {@code GET /v1/hours} (学时审核's list: the caller's
 * jurisdiction, the same filters and order), read page by page. Needs {@code review.hours} like the
 * route. Records carry the ID number masked already; no phone is part of a record.
 */
public final class HoursExport implements ExportSource {
    static final Set<String> NAMES = Set.of("year", "category", "status", "unitOrgId", "q");
    static final int PAGE = 100;
    private final HoursDeskService desk;

    public HoursExport(HoursDeskService desk) {
        this.desk = desk;
    }

    @Override
    public ExportStream open(Actor caller, Map<String, Object> filters) {
        if (!caller.can("review.hours")) {
            throw new Forbidden();
        }
        ExportFilters given = ExportFilters.of(filters, NAMES);
        Optional<Integer> year = given.text("year").map(y -> {
            if (!y.matches("\\d{4}") || Integer.parseInt(y) < 2000 || Integer.parseInt(y) > 2100) {
                throw Invalid.field("filters.year");
            }
            return Integer.parseInt(y);
        });
        Optional<Category> category = given.text("category")
                .map(c -> Category.parse(c).orElseThrow(() -> Invalid.field("filters.category")));
        Optional<RecordStatus> status = given.text("status")
                .map(s -> RecordStatus.parse(s).orElseThrow(() -> Invalid.field("filters.status")));
        Optional<String> unit = given.text("unitOrgId");
        if (unit.isPresent() && !Ids.plausible(unit.get())) {
            throw Invalid.field("filters.unitOrgId");
        }
        Optional<String> q = given.text("q").map(String::strip);
        if (q.isPresent() && q.get().length() > 50) {
            throw Invalid.field("filters.q");
        }
        List<String> headers = List.of("姓名", "身份证号", "单位", "年度", "科目类别", "学习形式", "项目名称", "学时", "状态", "来源");
        List<Integer> widths = List.of(12, 20, 36, 8, 10, 12, 40, 8, 10, 10);
        Page<HoursRecord> first = desk.list(caller, new HoursDeskService.Filters(year, category, status, unit, q, PAGE, Optional.empty()));
        return new ExportStream("学时记录", headers, widths, sink -> {
            Page<HoursRecord> page = first;
            while (true) {
                for (HoursRecord r : page.items()) {
                    sink.accept(List.of(r.name(), r.idCardMasked(), r.unitName() == null ? "" : r.unitName(), r.year(),
                            r.category() == Category.PUBLIC ? "公需科目" : "专业科目", r.activityType(), r.title(), r.hours(),
                            statusName(r.status()), r.source().name().equals("CLAIM") ? "个人申报" : "单位申报"));
                }
                if (page.nextCursor() == null) {
                    return;
                }
                page = desk.list(caller, new HoursDeskService.Filters(year, category, status, unit, q, PAGE,
                        Optional.of(page.nextCursor())));
            }
        });
    }

    static String statusName(RecordStatus status) {
        return switch (status) {
            case PENDING -> "待审核";
            case APPROVED -> "已通过";
            case REJECTED -> "未通过";
            case DELETED -> "已删除";
        };
    }
}
