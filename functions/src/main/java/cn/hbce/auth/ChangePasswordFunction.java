package cn.hbce.auth;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import cn.hbce.common.validation.Fields;

/** PUT /v1/me/password: other sessions of the user end. */
public final class ChangePasswordFunction extends ApiFunction {
    private final AccountService account;

    record Body(String oldPassword, String newPassword) {
    }

    public ChangePasswordFunction() {
        this(AppContext.get().account());
    }

    public ChangePasswordFunction(AccountService account) {
        this.account = account;
    }

    @Override
    protected Access access() {
        return Access.signedIn();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Body body = body(request, Body.class);
        Fields f = new Fields();
        f.require("oldPassword", body.oldPassword() != null && !body.oldPassword().isEmpty());
        f.require("newPassword", body.newPassword() != null && !body.newPassword().isEmpty());
        f.throwIfInvalid();
        account.changePassword(request.caller(), body.oldPassword(), body.newPassword(), request.meta());
        return ApiResponse.noContent();
    }
}
