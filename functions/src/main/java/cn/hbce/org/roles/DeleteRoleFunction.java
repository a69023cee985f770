package cn.hbce.org.roles;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** DELETE /v1/org/roles/{roleId}: 204; 409 while any admin of the org holds the role; super admin only. */
public final class DeleteRoleFunction extends ApiFunction {
    private final RoleService roles;

    public DeleteRoleFunction() {
        this(AppContext.get().roles());
    }

    public DeleteRoleFunction(RoleService roles) {
        this.roles = roles;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("roles.manage");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        roles.delete(request.caller(), request.pathParam("roleId"), request.meta());
        return ApiResponse.noContent();
    }
}
