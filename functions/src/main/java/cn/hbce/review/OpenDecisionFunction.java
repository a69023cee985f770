package cn.hbce.review;

import cn.hbce.AppContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * Step Functions callback task of the approval: stores the task token on the deciding org's step,
 * which puts the review in that org's queue. Not routed. The state machine passes its execution id
 * ({@code $$.Execution.Id}); a call from anywhere else is refused (see ReviewService.openStep).
 */
public final class OpenDecisionFunction implements RequestHandler<OpenDecisionFunction.Input, Map<String, String>> {
    private final ReviewService reviews;

    public record Input(String reviewId, String kind, int stageIndex, String orgId, String taskToken, String executionId) {
    }

    public OpenDecisionFunction() {
        this(AppContext.get().reviews());
    }

    public OpenDecisionFunction(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public Map<String, String> handleRequest(Input input, Context context) {
        reviews.openStep(input.reviewId(), input.stageIndex(), input.orgId(), input.taskToken(), input.executionId());
        return Map.of("reviewId", input.reviewId(), "orgId", input.orgId());
    }
}
