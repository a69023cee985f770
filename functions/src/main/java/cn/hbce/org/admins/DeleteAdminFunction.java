package cn.hbce.org.admins;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** DELETE /v1/org/admins/{adminId}: 204; the super admin cannot be deleted (409); super admin only. */
public final class DeleteAdminFunction extends ApiFunction {
    private final AdminService admins;

    public DeleteAdminFunction() {
        this(AppContext.get().admins());
    }

    public DeleteAdminFunction(AdminService admins) {
        this.admins = admins;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("admins.manage");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        admins.delete(request.caller(), request.pathParam("adminId"), request.meta());
        return ApiResponse.noContent();
    }
}
