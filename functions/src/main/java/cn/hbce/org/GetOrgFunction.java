package cn.hbce.org;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/**
 * GET /v1/org: the caller's own org, also while it is under review. The answer is written by
 * {@link OrgViewJson}, so the route's cold start loads no jackson-databind.
 */
public final class GetOrgFunction extends ApiFunction {
    private final OrgService orgs;

    public GetOrgFunction() {
        this(AppContext.get().orgService());
    }

    public GetOrgFunction(OrgService orgs) {
        this.orgs = orgs;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().evenIfOrgNotApproved();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(new OrgViewJson(orgs.own(request.caller())));
    }
}
