package cn.hbce.org;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import java.util.Map;

/** POST /v1/org/superior-change → 202 {reviewId}. */
public final class RequestSuperiorChangeFunction extends ApiFunction {
    private final OrgService orgs;

    public RequestSuperiorChangeFunction() {
        this(AppContext.get().orgService());
    }

    public RequestSuperiorChangeFunction(OrgService orgs) {
        this.orgs = orgs;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("org.edit");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        OrgService.SuperiorChange body = body(request, OrgService.SuperiorChange.class);
        return ApiResponse.accepted(Map.of("reviewId", orgs.requestSuperiorChange(request.caller(), body, request.meta())));
    }
}
