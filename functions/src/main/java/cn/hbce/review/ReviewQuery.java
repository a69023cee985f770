package cn.hbce.review;

import java.time.Instant;
import java.util.Optional;

/** Filters of GET /v1/reviews. */
public record ReviewQuery(Optional<ReviewKind> kind, Optional<ReviewStatus> status, Optional<String> text,
                          Optional<Instant> from, Optional<Instant> to, int limit, Optional<String> cursor) {
}
