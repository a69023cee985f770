package cn.hbce.stats;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** GET /v1/stats/overview?year=&orgId= (继教综合统计): the subtree's figures with one row per direct child. */
public final class GetStatsOverviewFunction extends ApiFunction {
    private final StatsService stats;

    public GetStatsOverviewFunction() {
        this(AppContext.get().stats().service());
    }

    public GetStatsOverviewFunction(StatsService stats) {
        this.stats = stats;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("stats.view");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(stats.overview(request.caller(), request.queryParam("orgId"), request.queryParam("year")));
    }
}
