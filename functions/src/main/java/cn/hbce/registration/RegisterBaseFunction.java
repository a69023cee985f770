package cn.hbce.registration;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import cn.hbce.org.OrgType;

/** POST /v1/registrations/bases. */
public final class RegisterBaseFunction extends ApiFunction {
    private final OrgRegistrationService registrations;

    public RegisterBaseFunction() {
        this(AppContext.get().registrations());
    }

    public RegisterBaseFunction(OrgRegistrationService registrations) {
        this.registrations = registrations;
    }

    @Override
    protected Access access() {
        return Access.anonymous();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        SupervisedOrgRegistration body = body(request, SupervisedOrgRegistration.class);
        return ApiResponse.created(registrations.registerSupervised(OrgType.BASE, body, request.meta()));
    }
}
