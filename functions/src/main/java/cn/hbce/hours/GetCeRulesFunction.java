package cn.hbce.hours;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** GET /v1/ce-rules/{year}: any signed-in user reads a year's rules. */
public final class GetCeRulesFunction extends ApiFunction {
    private final CeRulesService rules;

    public GetCeRulesFunction() {
        this(AppContext.get().ceRules());
    }

    public GetCeRulesFunction(CeRulesService rules) {
        this.rules = rules;
    }

    @Override
    protected Access access() {
        return ClaimHoursFunction.signedInWithOwnPassword();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        int year = YearParam.parse("year", request.pathParameters().get("year"));
        return ApiResponse.ok(HoursViews.Rules.of(rules.get(year)));
    }
}
