package cn.hbce.review;

import java.time.Instant;
import java.util.Map;

/** One deciding org's part of a review: its queue entry, holding the workflow's task token. */
public record ReviewStep(
        String reviewId,
        int stageIndex,
        String orgId,
        ReviewKind kind,
        ReviewStatus status,
        String taskToken,
        Map<String, Object> subject,
        String searchText,
        Instant submittedAt,
        Instant decidedAt,
        String decidedBy,
        String comment) {
}
