package cn.hbce.org.departments;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** PUT /v1/org/departments/{deptId} {name?, leader?, phone?, version}: 412 when the version is stale. */
public final class UpdateDepartmentFunction extends ApiFunction {
    private final DepartmentService departments;

    public UpdateDepartmentFunction() {
        this(AppContext.get().departments());
    }

    public UpdateDepartmentFunction(DepartmentService departments) {
        this.departments = departments;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("org.departments");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        DepartmentService.Edit body = body(request, DepartmentService.Edit.class);
        return ApiResponse.ok(departments.edit(request.caller(), request.pathParam("deptId"), body, request.meta()));
    }
}
