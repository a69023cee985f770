package cn.hbce.org.subordinates;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import java.util.Map;

/** POST /v1/subordinates/{orgId}/admins/{adminId}/reset-password → {temporaryPassword}. */
public final class ResetSubordinateAdminPasswordFunction extends ApiFunction {
    private final SubordinateService subordinates;

    public ResetSubordinateAdminPasswordFunction() {
        this(AppContext.get().subordinates());
    }

    public ResetSubordinateAdminPasswordFunction(SubordinateService subordinates) {
        this.subordinates = subordinates;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("subordinates.manage");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String temporary = subordinates.resetPassword(request.caller(), request.pathParam("orgId"),
                request.pathParam("adminId"), request.meta());
        return ApiResponse.ok(Map.of("temporaryPassword", temporary));
    }
}
