package cn.hbce.review;

import cn.hbce.AppContext;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** POST /v1/reviews/decisions: up to 100 decisions, each with its own outcome. */
public final class DecideReviewsFunction extends ApiFunction {
    private final ReviewService reviews;

    record Body(List<Item> decisions) {
    }

    record Item(String reviewId, String decision, String comment) {
    }

    public DecideReviewsFunction() {
        this(AppContext.get().reviews());
    }

    public DecideReviewsFunction(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Body body = body(request, Body.class);
        if (body.decisions() == null || body.decisions().isEmpty() || body.decisions().size() > ReviewService.MAX_BATCH) {
            throw Invalid.field("decisions");
        }
        List<String> invalid = new ArrayList<>();
        List<ReviewService.Decision> decisions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < body.decisions().size(); i++) {
            Item d = body.decisions().get(i);
            String at = "decisions[" + i + "]";
            if (d == null || d.reviewId() == null || d.reviewId().isBlank() || d.reviewId().length() > 64 || !seen.add(d.reviewId())) {
                invalid.add(at + ".reviewId");
                continue;
            }
            boolean approve = "APPROVE".equals(d.decision());
            if (!approve && !"REJECT".equals(d.decision())) {
                invalid.add(at + ".decision");
            }
            String comment = d.comment() == null ? null : d.comment().trim();
            if (comment != null && comment.length() > 500) {
                invalid.add(at + ".comment");
            }
            if ("REJECT".equals(d.decision()) && (comment == null || comment.isEmpty())) {
                invalid.add(at + ".comment");
            }
            decisions.add(new ReviewService.Decision(d.reviewId(), approve, comment == null || comment.isEmpty() ? null : comment));
        }
        if (!invalid.isEmpty()) {
            throw Invalid.fields(invalid);
        }
        return ApiResponse.ok(Map.of("results", reviews.decide(request.caller(), decisions, request.meta())));
    }
}
