package cn.hbce.review;

import cn.hbce.AppContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * The approval's last step: applies the outcome to the subject, once, however often it is retried.
 * Not routed. The state machine passes its execution id ({@code $$.Execution.Id}); a call from
 * anywhere else, or an outcome the stored decisions do not support, is refused (see ReviewService.finish).
 */
public final class FinishReviewFunction implements RequestHandler<FinishReviewFunction.Input, Map<String, String>> {
    private final ReviewService reviews;

    public record Input(String reviewId, String outcome, String error, String executionId) {
    }

    public FinishReviewFunction() {
        this(AppContext.get().reviews());
    }

    public FinishReviewFunction(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public Map<String, String> handleRequest(Input input, Context context) {
        ReviewStatus outcome = ReviewStatus.valueOf(input.outcome());
        reviews.finish(input.reviewId(), outcome, input.executionId());
        return Map.of("reviewId", input.reviewId(), "outcome", outcome.name());
    }
}
