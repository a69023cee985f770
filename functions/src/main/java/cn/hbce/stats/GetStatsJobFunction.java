package cn.hbce.stats;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** GET /v1/stats/jobs/{executionId}: how a run of the statistics job is going (HRSS super admin). */
public final class GetStatsJobFunction extends ApiFunction {
    private final StatsJobService jobs;

    public GetStatsJobFunction() {
        this(AppContext.get().stats().jobs());
    }

    public GetStatsJobFunction(StatsJobService jobs) {
        this.jobs = jobs;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(jobs.status(request.caller(), request.pathParam("executionId")));
    }
}
