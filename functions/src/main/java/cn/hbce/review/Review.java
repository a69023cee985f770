package cn.hbce.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request under review. {@code stages} lists, in order, the orgs that must all approve at each
 * stage; {@code subject} is the masked summary shown in lists, {@code detail} the full record.
 */
public record Review(
        String reviewId,
        ReviewKind kind,
        ReviewStatus status,
        String subjectId,
        Map<String, Object> subject,
        Map<String, Object> detail,
        String searchText,
        List<List<String>> stages,
        String submittedBy,
        Instant submittedAt,
        Instant decidedAt) {
}
