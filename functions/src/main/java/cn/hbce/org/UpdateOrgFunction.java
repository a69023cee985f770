package cn.hbce.org;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** PUT /v1/org: a department's edit applies at once (200); a unit's or base's goes to review (202). */
public final class UpdateOrgFunction extends ApiFunction {
    private final OrgService orgs;

    public UpdateOrgFunction() {
        this(AppContext.get().orgService());
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
        OrgService.EditOutcome outcome = orgs.edit(request.caller(), edit, request.meta());
        if (outcome instanceof OrgService.EditOutcome.UnderReview review) {
            return ApiResponse.accepted(java.util.Map.of("reviewId", review.reviewId()));
        }
        return ApiResponse.ok(((OrgService.EditOutcome.Applied) outcome).org());
    }
}
