package cn.hbce.counters;

import java.time.Instant;
import java.util.Map;

/**
 * Pending review steps per deciding org and kind, kept by the review engine: +1 when a step is
 * created, −1 when the conditional write that ends it (decide, close, expire) succeeds, +1 again
 * when a decision is undone. Tied to those single-item conditional writes, a retried call that finds
 * the step already moved changes nothing, so each step counts once.
 */
public interface TodoCounts {

    void opened(String orgId, String kind);

    void closed(String orgId, String kind);

    /** The org's counts by kind (one read), when the job last made them exact, and when they were read. */
    Snapshot read(String orgId);

    record Snapshot(Map<String, Long> byKind, Instant checkedAt, Instant asOf) {
    }

    /** For unit tests and functions that never touch reviews. */
    TodoCounts NONE = new TodoCounts() {
        @Override
        public void opened(String orgId, String kind) {
        }

        @Override
        public void closed(String orgId, String kind) {
        }

        @Override
        public Snapshot read(String orgId) {
            return new Snapshot(Map.of(), null, Instant.now());
        }
    };
}
