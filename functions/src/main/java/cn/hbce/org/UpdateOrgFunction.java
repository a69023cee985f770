package cn.hbce.org;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** PUT /v1/org: edits of the caller's own org info, guarded by {@code version}. */
public final class UpdateOrgFunction extends ApiFunction {
    private final OrgService orgs;

    public UpdateOrgFunction() {
        this(AppContext.get().orgService);
    }

    public UpdateOrgFunction(OrgService orgs) {
        this.orgs = orgs;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().evenIfOrgNotApproved().withPermission("org.edit");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        OrgService.Edit edit = body(request, OrgService.Edit.class);
        return ApiResponse.ok(orgs.edit(request.caller(), edit, request.meta()));
    }
}
