package cn.hbce.plans;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/**
 * GET /v1/training-plans/{planId}: for the submitting org and its reviewers; the permission is
 * checked with the plan (either side's), so the route is open to every admin and answers 404 to the rest.
 */
public final class GetTrainingPlanFunction extends ApiFunction {
    private final PlanService plans;

    public GetTrainingPlanFunction() {
        this(AppContext.get().plans());
    }

    public GetTrainingPlanFunction(PlanService plans) {
        this.plans = plans;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(PlanApiViews.Full.of(plans.detail(request.caller(), request.pathParam("planId"))));
    }
}
