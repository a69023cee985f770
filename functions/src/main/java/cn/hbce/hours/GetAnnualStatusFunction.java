package cn.hbce.hours;

import cn.hbce.AppContext;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** GET /v1/me/annual-status?year=: approved hours of the year against its rules (year required). */
public final class GetAnnualStatusFunction extends ApiFunction {
    private final ClaimService claims;

    public GetAnnualStatusFunction() {
        this(AppContext.get().hoursClaims());
    }

    public GetAnnualStatusFunction(ClaimService claims) {
        this.claims = claims;
    }

    @Override
    protected Access access() {
        return ClaimHoursFunction.signedInWithOwnPassword();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        int year = YearParam.parse("year", request.queryParam("year").orElseThrow(() -> Invalid.field("year")));
        return ApiResponse.ok(HoursViews.AnnualStatus.of(claims.annualStatus(request.caller(), year)));
    }
}
