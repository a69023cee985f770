package cn.hbce.org.roles;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** GET /v1/org/roles: the roles of the caller's org (?limit=&cursor=); super admin only. */
public final class ListRolesFunction extends ApiFunction {
    private final RoleService roles;

    public ListRolesFunction() {
        this(AppContext.get().roles());
    }

    public ListRolesFunction(RoleService roles) {
        this.roles = roles;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("roles.manage");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(roles.list(request.caller(), request.page()));
    }
}
