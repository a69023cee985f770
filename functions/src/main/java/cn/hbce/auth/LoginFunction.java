package cn.hbce.auth;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.validation.Fields;
import cn.hbce.common.lambda.ApiFunction;
import java.time.Instant;
import java.util.Set;

/** POST /v1/auth/login. */
public final class LoginFunction extends ApiFunction {
    private static final Set<String> USER_TYPES = Set.of("HRSS", "DEPARTMENT", "UNIT", "BASE", "PERSON");
    private final LoginService login;

    record Body(String userType, String idCard, String password, String orgId) {
    }

    record Answer(String token, Instant expiresAt, LoginOutcome.UserView user, boolean mustChangePassword) {
    }

    public LoginFunction() {
        this(AppContext.get().login());
    }

    public LoginFunction(LoginService login) {
        this.login = login;
    }

    @Override
    protected Access access() {
        return Access.anonymous();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Body body = body(request, Body.class);
        Fields f = new Fields();
        f.require("userType", body.userType() != null && USER_TYPES.contains(body.userType()));
        f.text("idCard", body.idCard(), 32);
        f.require("password", body.password() != null && !body.password().isEmpty() && body.password().length() <= 128);
        f.throwIfInvalid();
        LoginOutcome outcome = login.login(
                new LoginService.Command(body.userType(), body.idCard(), body.password(), body.orgId()), request.meta());
        if (outcome instanceof LoginOutcome.SignedIn s) {
            return ApiResponse.ok(new Answer(s.token(), s.expiresAt(), s.user(), s.mustChangePassword()));
        }
        throw ((LoginOutcome.Refused) outcome).refusal();
    }
}
