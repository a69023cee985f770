package cn.hbce.org.subordinates;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import java.util.Map;

/** POST /v1/subordinates/{orgId}/admins/{adminId}/disable. */
public final class DisableSubordinateAdminFunction extends ApiFunction {
    private final SubordinateService subordinates;

    public DisableSubordinateAdminFunction() {
        this(AppContext.get().subordinates());
    }

    public DisableSubordinateAdminFunction(SubordinateService subordinates) {
        this.subordinates = subordinates;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("subordinates.manage");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String adminId = request.pathParam("adminId");
        subordinates.setDisabled(request.caller(), request.pathParam("orgId"), adminId, true, request.meta());
        return ApiResponse.ok(Map.of("adminId", adminId, "status", "DISABLED"));
    }
}
