package cn.hbce.review;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Filters of GET /v1/reviews. {@code visibleKinds} are the kinds the caller may see; steps of other
 * kinds are filtered out by the query itself, so neither items nor cursors reveal them.
 */
public record ReviewQuery(Optional<ReviewKind> kind, Optional<ReviewStatus> status, Optional<String> text,
                          Optional<Instant> from, Optional<Instant> to, int limit, Optional<String> cursor,
                          Set<ReviewKind> visibleKinds) {

    public ReviewQuery(Optional<ReviewKind> kind, Optional<ReviewStatus> status, Optional<String> text,
                       Optional<Instant> from, Optional<Instant> to, int limit, Optional<String> cursor) {
        this(kind, status, text, from, to, limit, cursor, EnumSet.allOf(ReviewKind.class));
    }

    public ReviewQuery visibleTo(Set<ReviewKind> kinds) {
        return new ReviewQuery(kind, status, text, from, to, limit, cursor, kinds);
    }
}
