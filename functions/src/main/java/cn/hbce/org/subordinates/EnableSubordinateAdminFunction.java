package cn.hbce.org.subordinates;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import java.util.Map;

/** POST /v1/subordinates/{orgId}/admins/{adminId}/enable. */
public final class EnableSubordinateAdminFunction extends ApiFunction {
    private final SubordinateService subordinates;

    public EnableSubordinateAdminFunction() {
        this(AppContext.get().subordinates());
    }

    public EnableSubordinateAdminFunction(SubordinateService subordinates) {
        this.subordinates = subordinates;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("subordinates.manage");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String adminId = request.pathParam("adminId");
        subordinates.setDisabled(request.caller(), request.pathParam("orgId"), adminId, false, request.meta());
        return ApiResponse.ok(Map.of("adminId", adminId, "status", "ACTIVE"));
    }
}
