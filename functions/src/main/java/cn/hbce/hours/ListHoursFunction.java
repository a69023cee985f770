package cn.hbce.hours;

import cn.hbce.AppContext;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import cn.hbce.common.paging.Page;
import java.util.Optional;

/** GET /v1/hours?year=&category=&status=&unitOrgId=&q=&limit=&cursor=: 学时审核's query (review.hours). */
public final class ListHoursFunction extends ApiFunction {
    private final HoursDeskService desk;

    public ListHoursFunction() {
        this(AppContext.get().hoursDesk());
    }

    public ListHoursFunction(HoursDeskService desk) {
        this.desk = desk;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("review.hours");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Optional<Integer> year = YearParam.optional("year", request.queryParam("year"));
        Optional<Category> category = request.queryParam("category")
                .map(c -> Category.parse(c).orElseThrow(() -> Invalid.field("category")));
        Optional<RecordStatus> status = request.queryParam("status")
                .map(s -> RecordStatus.parse(s).orElseThrow(() -> Invalid.field("status")));
        Optional<String> unit = request.queryParam("unitOrgId");
        if (unit.isPresent() && !cn.hbce.common.Ids.plausible(unit.get())) {
            throw Invalid.field("unitOrgId");
        }
        Optional<String> text = request.queryParam("q").map(String::strip).filter(q -> !q.isEmpty());
        if (text.isPresent() && text.get().length() > 50) {
            throw Invalid.field("q");
        }
        Page<HoursRecord> page = desk.list(request.caller(), new HoursDeskService.Filters(year, category, status, unit, text,
                request.limit(), request.queryParam("cursor")));
        return ApiResponse.ok(page.withItems(page.items().stream().map(HoursViews.Listed::of).toList()));
    }
}
