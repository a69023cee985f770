package cn.hbce.org.roles;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** PUT /v1/org/roles/{roleId} {name?, permissions?, version}: 412 when the version is stale; super admin only. */
public final class UpdateRoleFunction extends ApiFunction {
    private final RoleService roles;

    public UpdateRoleFunction() {
        this(AppContext.get().roles());
    }

    public UpdateRoleFunction(RoleService roles) {
        this.roles = roles;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("roles.manage");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        RoleService.Edit body = body(request, RoleService.Edit.class);
        return ApiResponse.ok(roles.edit(request.caller(), request.pathParam("roleId"), body, request.meta()));
    }
}
