package cn.hbce.org.departments;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** GET /v1/org/departments: the internal departments of the caller's org (?limit=&cursor=). */
public final class ListDepartmentsFunction extends ApiFunction {
    private final DepartmentService departments;

    public ListDepartmentsFunction() {
        this(AppContext.get().departments());
    }

    public ListDepartmentsFunction(DepartmentService departments) {
        this.departments = departments;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("org.departments");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(departments.list(request.caller(), request.page()));
    }
}
