package cn.hbce.org.subordinates;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import cn.hbce.common.paging.Page;

/** GET /v1/subordinates/{orgId}/admins. */
public final class ListSubordinateAdminsFunction extends ApiFunction {
    private final SubordinateService subordinates;

    public ListSubordinateAdminsFunction() {
        this(AppContext.get().subordinates());
    }

    public ListSubordinateAdminsFunction(SubordinateService subordinates) {
        this.subordinates = subordinates;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("subordinates.manage");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(new Page<>(subordinates.admins(request.caller(), request.pathParam("orgId")), null));
    }
}
