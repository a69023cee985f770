package cn.hbce.org.admins;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** PUT /v1/org/admins/{adminId} {roleId}: gives a (non-super) admin another role of the org; super admin only. */
public final class UpdateAdminFunction extends ApiFunction {
    private final AdminService admins;

    public UpdateAdminFunction() {
        this(AppContext.get().admins());
    }

    public UpdateAdminFunction(AdminService admins) {
        this.admins = admins;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("admins.manage");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        AdminService.RoleChange body = body(request, AdminService.RoleChange.class);
        return ApiResponse.ok(admins.changeRole(request.caller(), request.pathParam("adminId"), body, request.meta()));
    }
}
