package cn.hbce.org.admins;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** GET /v1/org/admins: the admins of the caller's org, ID numbers and phones masked (?limit=&cursor=); super admin only. */
public final class ListAdminsFunction extends ApiFunction {
    private final AdminService admins;

    public ListAdminsFunction() {
        this(AppContext.get().admins());
    }

    public ListAdminsFunction(AdminService admins) {
        this.admins = admins;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("admins.manage");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(admins.list(request.caller(), request.page()));
    }
}
