package cn.hbce.org.admins;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import java.util.Map;

/** POST /v1/org/admins {mode: MEMBER|NEW_USER|EXISTING_USER, roleId, ...}: 201 {adminId}; super admin only. */
public final class CreateAdminFunction extends ApiFunction {
    private final AdminService admins;

    public CreateAdminFunction() {
        this(AppContext.get().admins());
    }

    public CreateAdminFunction(AdminService admins) {
        this.admins = admins;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("admins.manage");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        AdminService.NewAdmin body = body(request, AdminService.NewAdmin.class);
        return ApiResponse.created(Map.of("adminId", admins.add(request.caller(), body, request.meta())));
    }
}
