package cn.hbce.org.admins;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** POST /v1/org/admins/{adminId}/make-super: the target becomes super admin and the caller's seat is removed at once. */
public final class MakeSuperAdminFunction extends ApiFunction {
    private final AdminService admins;

    public MakeSuperAdminFunction() {
        this(AppContext.get().admins());
    }

    public MakeSuperAdminFunction(AdminService admins) {
        this.admins = admins;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("admins.manage");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(admins.makeSuper(request.caller(), request.pathParam("adminId"), request.meta()));
    }
}
