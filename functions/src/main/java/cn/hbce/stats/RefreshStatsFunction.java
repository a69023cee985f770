package cn.hbce.stats;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import java.util.Map;

/** POST /v1/stats/refresh {year}: the HRSS super admin runs the statistics job now → 202 {executionId}. */
public final class RefreshStatsFunction extends ApiFunction {
    private final StatsJobService jobs;
    private final StatsService stats;

    public record Body(Integer year) {
    }

    public RefreshStatsFunction() {
        this(AppContext.get().stats().jobs(), AppContext.get().stats().service());
    }

    public RefreshStatsFunction(StatsJobService jobs, StatsService stats) {
        this.jobs = jobs;
        this.stats = stats;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Body body = body(request, Body.class);
        String id = jobs.refresh(request.caller(), body.year(), stats.currentYear(), request.meta());
        return ApiResponse.accepted(Map.of("executionId", id));
    }
}
