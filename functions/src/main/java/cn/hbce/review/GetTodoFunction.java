package cn.hbce.review;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** GET /v1/todo: pending reviews the caller may decide, by kind. */
public final class GetTodoFunction extends ApiFunction {
    private final ReviewService reviews;

    public GetTodoFunction() {
        this(AppContext.get().reviews());
    }

    public GetTodoFunction(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(reviews.todo(request.caller()));
    }
}
