package cn.hbce.auth;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** GET /v1/me. */
public final class GetMeFunction extends ApiFunction {
    private final AccountService account;

    public GetMeFunction() {
        this(AppContext.get().account());
    }

    public GetMeFunction(AccountService account) {
        this.account = account;
    }

    @Override
    protected Access access() {
        return Access.signedIn();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(account.me(request.caller(), request.meta()));
    }
}
