package cn.hbce.hours;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import cn.hbce.common.paging.Page;

/**
 * GET /v1/me/hours?year=: the caller's own records. A person has a few dozen records a year, so
 * the list comes whole (nextCursor null); {@code limit} is still checked like on every list.
 */
public final class ListMyHoursFunction extends ApiFunction {
    private final ClaimService claims;

    public ListMyHoursFunction() {
        this(AppContext.get().hoursClaims());
    }

    public ListMyHoursFunction(ClaimService claims) {
        this.claims = claims;
    }

    @Override
    protected Access access() {
        return ClaimHoursFunction.signedInWithOwnPassword();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        request.limit();
        var year = YearParam.optional("year", request.queryParam("year"));
        return ApiResponse.ok(new Page<>(claims.mine(request.caller(), year).stream().map(HoursViews.Mine::of).toList(), null));
    }
}
