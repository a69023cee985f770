package cn.hbce.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** How reviews look in the API. */
final class ReviewViews {
    private ReviewViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ListItem(String reviewId, ReviewKind kind, ReviewStatus status, Instant submittedAt, Instant decidedAt,
                    Map<String, Object> subject) {
        static ListItem of(ReviewStep s) {
            return new ListItem(s.reviewId(), s.kind(), s.status(), s.submittedAt(), s.decidedAt(), s.subject());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StepView(int stageIndex, String orgId, ReviewStatus status, Instant decidedAt, String comment) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Detail(String reviewId, ReviewKind kind, ReviewStatus status, Instant submittedAt, Instant decidedAt,
                  Map<String, Object> subject, Map<String, Object> detail, Object changes, List<StepView> steps) {
        static Detail of(ReviewService.Detail d) {
            Review r = d.review();
            Map<String, Object> detail = PhoneMasking.masked(r.detail());
            Object changes = detail == null ? null : detail.get("changes");
            return new Detail(r.reviewId(), r.kind(), r.status(), r.submittedAt(), r.decidedAt(),
                    PhoneMasking.masked(r.subject()), detail, changes,
                    d.steps().stream().map(s -> new StepView(s.stageIndex(), s.orgId(), s.status(), s.decidedAt(), s.comment()))
                            .toList());
        }
    }
}
