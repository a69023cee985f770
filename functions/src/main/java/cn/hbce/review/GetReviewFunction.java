package cn.hbce.review;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** GET /v1/reviews/{reviewId}. */
public final class GetReviewFunction extends ApiFunction {
    private final ReviewService reviews;

    public GetReviewFunction() {
        this(AppContext.get().reviews());
    }

    public GetReviewFunction(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(ReviewViews.Detail.of(reviews.detail(request.caller(), request.pathParam("reviewId"))));
    }
}
