package cn.hbce.registration;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** POST /v1/registrations/persons. */
public final class RegisterPersonFunction extends ApiFunction {
    private final PersonRegistrationService registrations;

    public RegisterPersonFunction() {
        this(AppContext.get().personRegistrations());
    }

    public RegisterPersonFunction(PersonRegistrationService registrations) {
        this.registrations = registrations;
    }

    @Override
    protected Access access() {
        return Access.anonymous();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        PersonRegistrationRequest body = body(request, PersonRegistrationRequest.class);
        return ApiResponse.created(registrations.register(body, request.meta()));
    }
}
