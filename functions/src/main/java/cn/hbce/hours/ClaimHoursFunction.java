package cn.hbce.hours;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import java.util.Map;

/** POST /v1/me/hours: a professional claims hours; 201 {recordId, reviewId}. */
public final class ClaimHoursFunction extends ApiFunction {
    private final ClaimService claims;

    public ClaimHoursFunction() {
        this(AppContext.get().hoursClaims());
    }

    public ClaimHoursFunction(ClaimService claims) {
        this.claims = claims;
    }

    /**
     * The person-facing hours routes: anyone signed in, once a temporary password has been replaced
     * (403 PASSWORD_CHANGE_REQUIRED before), so hours are never claimed or read on a password someone else chose.
     */
    static Access signedInWithOwnPassword() {
        return new Access(false, true, false, false, java.util.Optional.empty());
    }

    @Override
    protected Access access() {
        return signedInWithOwnPassword();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        ClaimService.Claimed c = claims.claim(request.caller(), body(request, ClaimService.ClaimInput.class), request.meta());
        return ApiResponse.created(Map.of("recordId", c.recordId(), "reviewId", c.reviewId()));
    }
}
