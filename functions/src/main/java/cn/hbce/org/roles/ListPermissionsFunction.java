package cn.hbce.org.roles;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** GET /v1/permissions: the catalogue [{code, name}] a role can grant; any admin of an approved org. */
public final class ListPermissionsFunction extends ApiFunction {
    private final RoleService roles;

    public ListPermissionsFunction() {
        this(AppContext.get().roles());
    }

    public ListPermissionsFunction(RoleService roles) {
        this.roles = roles;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(roles.catalogue());
    }
}
