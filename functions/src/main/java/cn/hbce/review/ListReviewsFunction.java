package cn.hbce.review;

import cn.hbce.common.domain.Invalid;
import cn.hbce.common.paging.Page;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import cn.hbce.common.validation.Dates;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** GET /v1/reviews?kind=&status=&q=&from=&to=&limit=&cursor=. */
public final class ListReviewsFunction extends ApiFunction {
    private final ReviewService reviews;

    public ListReviewsFunction() {
        this(AppContext.get().reviews());
    }

    public ListReviewsFunction(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Optional<ReviewKind> kind = request.queryParam("kind")
                .map(k -> ReviewKind.parse(k).orElseThrow(() -> Invalid.field("kind")));
        Optional<ReviewStatus> status = request.queryParam("status")
                .map(s -> ReviewStatus.valueOfOptional(s).orElseThrow(() -> Invalid.field("status")));
        Optional<String> text = request.queryParam("q").map(String::trim);
        if (text.isPresent() && text.get().length() > 50) {
            throw Invalid.field("q");
        }
        int limit = request.limit();
        Optional<Instant> from = request.queryParam("from").map(v -> Dates.instant("from", v, false));
        Optional<Instant> to = request.queryParam("to").map(v -> Dates.instant("to", v, true));
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw Invalid.fields(List.of("from", "to"));
        }
        ReviewQuery query = new ReviewQuery(kind, status, text, from, to, limit, request.queryParam("cursor"));
        Page<ReviewStep> page = reviews.list(request.caller(), query);
        return ApiResponse.ok(page.withItems(page.items().stream().map(ReviewViews.ListItem::of).toList()));
    }
}
