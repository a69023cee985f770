package cn.hbce.org.roles;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import java.util.Map;

/** POST /v1/org/roles {name, permissions}: 201 {roleId}; super admin only. */
public final class CreateRoleFunction extends ApiFunction {
    private final RoleService roles;

    public CreateRoleFunction() {
        this(AppContext.get().roles());
    }

    public CreateRoleFunction(RoleService roles) {
        this.roles = roles;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("roles.manage");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        RoleService.Create body = body(request, RoleService.Create.class);
        return ApiResponse.created(Map.of("roleId", roles.create(request.caller(), body, request.meta())));
    }
}
