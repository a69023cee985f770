package cn.hbce.org.departments;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import java.util.Map;

/** POST /v1/org/departments {name, leader?, phone?}: 201 {deptId}; 409 when the org already has the name. */
public final class CreateDepartmentFunction extends ApiFunction {
    private final DepartmentService departments;

    public CreateDepartmentFunction() {
        this(AppContext.get().departments());
    }

    public CreateDepartmentFunction(DepartmentService departments) {
        this.departments = departments;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("org.departments");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        DepartmentService.Create body = body(request, DepartmentService.Create.class);
        return ApiResponse.created(Map.of("deptId", departments.create(request.caller(), body, request.meta())));
    }
}
