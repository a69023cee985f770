package cn.hbce.stats;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** GET /v1/stats/title-series?year=&orgId= (职称系列分布): series × level table and chart data. */
public final class GetTitleSeriesStatsFunction extends ApiFunction {
    private final StatsService stats;

    public GetTitleSeriesStatsFunction() {
        this(AppContext.get().stats().service());
    }

    public GetTitleSeriesStatsFunction(StatsService stats) {
        this.stats = stats;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("stats.view");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(stats.titleSeries(request.caller(), request.queryParam("orgId"), request.queryParam("year")));
    }
}
