package cn.hbce.org.departments;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** DELETE /v1/org/departments/{deptId}: 204. */
public final class DeleteDepartmentFunction extends ApiFunction {
    private final DepartmentService departments;

    public DeleteDepartmentFunction() {
        this(AppContext.get().departments());
    }

    public DeleteDepartmentFunction(DepartmentService departments) {
        this.departments = departments;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("org.departments");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        departments.delete(request.caller(), request.pathParam("deptId"), request.meta());
        return ApiResponse.noContent();
    }
}
