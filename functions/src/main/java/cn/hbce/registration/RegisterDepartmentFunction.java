package cn.hbce.registration;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** POST /v1/registrations/departments. */
public final class RegisterDepartmentFunction extends ApiFunction {
    private final OrgRegistrationService registrations;

    public RegisterDepartmentFunction() {
        this(AppContext.get().registrations());
    }

    public RegisterDepartmentFunction(OrgRegistrationService registrations) {
        this.registrations = registrations;
    }

    @Override
    protected Access access() {
        return Access.anonymous();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        DepartmentRegistration body = body(request, DepartmentRegistration.class);
        return ApiResponse.created(registrations.registerDepartment(body, request.meta()));
    }
}
