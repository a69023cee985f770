package cn.hbce.plans;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** POST /v1/training-plans: 201 with the plan and the review it waits in. */
public final class SubmitTrainingPlanFunction extends ApiFunction {
    private final PlanService plans;

    public SubmitTrainingPlanFunction() {
        this(AppContext.get().plans());
    }

    public SubmitTrainingPlanFunction(PlanService plans) {
        this.plans = plans;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("plans.submit");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.created(plans.submit(request.caller(), body(request, PlanSubmission.class), request.meta()));
    }
}
