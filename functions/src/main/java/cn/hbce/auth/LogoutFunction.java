package cn.hbce.auth;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** POST /v1/auth/logout: the token stops working at once. */
public final class LogoutFunction extends ApiFunction {
    private final AccountService account;

    public LogoutFunction() {
        this(AppContext.get().account());
    }

    public LogoutFunction(AccountService account) {
        this.account = account;
    }

    @Override
    protected Access access() {
        return Access.signedIn();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        account.logout(request.caller(), request.meta());
        return ApiResponse.noContent();
    }
}
