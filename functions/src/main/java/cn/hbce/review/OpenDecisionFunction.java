package cn.hbce.review;

import cn.hbce.AppContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * Step Functions callback task of the approval: stores the task token on the deciding org's step,
 * which puts the review in that org's queue. Not routed.
 */
public final class OpenDecisionFunction implements RequestHandler<OpenDecisionFunction.Input, Map<String, String>> {
    private final ReviewService reviews;

    public record Input(String reviewId, String kind, int stageIndex, String orgId, String taskToken) {
    }

    public OpenDecisionFunction() {
        this(AppContext.get().reviews);
    }

    public OpenDecisionFunction(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public Map<String, String> handleRequest(Input input, Context context) {
        reviews.openStep(input.reviewId(), input.stageIndex(), input.orgId(), input.taskToken());
        return Map.of("reviewId", input.reviewId(), "orgId", input.orgId());
    }
}
