package cn.hbce.change;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import java.util.Map;

/** POST /v1/me/changes: 202 with the review the change waits in. */
public final class SubmitPersonChangeFunction extends ApiFunction {
    private final PersonChangeService changes;

    public SubmitPersonChangeFunction() {
        this(AppContext.get().personChanges());
    }

    public SubmitPersonChangeFunction(PersonChangeService changes) {
        this.changes = changes;
    }

    @Override
    protected Access access() {
        return Access.signedIn();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        PersonChangeRequest body = body(request, PersonChangeRequest.class);
        return ApiResponse.accepted(Map.of("reviewId", changes.submit(request.caller(), body, request.meta())));
    }
}
