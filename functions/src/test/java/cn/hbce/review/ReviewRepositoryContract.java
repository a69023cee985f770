package cn.hbce.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.common.paging.Page;
import cn.hbce.testing.Race;
import cn.hbce.testing.Refusals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link ReviewRepository} promises, run against {@code DynamoReviewRepository} on dynalite
 * ({@code DynamoReviewRepositoryIT}) and the in-memory fake ({@code InMemoryReviewRepositoryTest}):
 * one decider wins a step, only the winner can take its decision back, a review ends once, and
 * queues list newest first, filter and page the same way.
 */
public abstract class ReviewRepositoryContract {
    protected static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    private static final String ORG = "o_decider";
    protected ReviewRepository reviews;

    protected abstract ReviewRepository freshRepository();

    @BeforeEach
    void fresh() {
        reviews = freshRepository();
    }

    private Review review(String id, ReviewKind kind, Instant at, String text) {
        return new Review(id, kind, ReviewStatus.PENDING, "p_" + id, Map.of("name", text), Map.of("name", text, "n", "1"),
                text, List.of(List.of(ORG)), "p_submitter", at, null);
    }

    private ReviewStep open(Review r, String orgId, String token) {
        return reviews.openStep(new ReviewStep(r.reviewId(), 0, orgId, r.kind(), ReviewStatus.PENDING, token, r.subject(),
                r.searchText(), r.submittedAt(), null, null, null));
    }

    private ReviewStep submitted(String id, ReviewKind kind, Instant at, String text) {
        Review r = review(id, kind, at, text);
        assertTrue(reviews.create(r));
        return open(r, ORG, "t-" + id);
    }

    @Test
    void aReviewIsCreatedOnceAndReadBackWhole() {
        Review r = review("r_1", ReviewKind.PERSON_REGISTRATION, NOW, "张三 武汉大学");
        assertTrue(reviews.create(r));
        assertFalse(reviews.create(review("r_1", ReviewKind.ORG_CHANGE, NOW, "again")), "a repeated submission");
        assertEquals(r, reviews.get("r_1").orElseThrow());
        assertTrue(reviews.get("r_none").isEmpty());
    }

    @Test
    void reopeningAStepKeepsItsDecisionAndTakesTheNewestToken() {
        ReviewStep step = submitted("r_2", ReviewKind.PERSON_REGISTRATION, NOW, "张三");
        assertTrue(reviews.decideStep(step, ReviewStatus.REJECTED, "p_a", "材料不全", NOW.plusSeconds(5)));
        ReviewStep again = open(reviews.get("r_2").orElseThrow(), ORG, "t-new");
        assertEquals(ReviewStatus.REJECTED, again.status());
        assertEquals("t-new", again.taskToken());
        assertEquals("材料不全", again.comment());
        assertEquals(1, reviews.steps("r_2").size());
    }

    @Test
    void ofManySimultaneousDecidersExactlyOneWins() throws Exception {
        ReviewStep step = submitted("r_3", ReviewKind.PERSON_REGISTRATION, NOW, "张三");
        AtomicInteger n = new AtomicInteger();
        List<String> winners = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Boolean> won = Race.run(8, () -> {
            String who = "p_" + n.incrementAndGet();
            boolean decided = reviews.decideStep(step, ReviewStatus.APPROVED, who, null, NOW);
            if (decided) {
                winners.add(who);
            }
            return decided;
        });
        assertEquals(1, Collections.frequency(won, true));
        ReviewStep stored = reviews.steps("r_3").get(0);
        assertEquals(ReviewStatus.APPROVED, stored.status());
        assertEquals(winners, List.of(stored.decidedBy()), "the stored decider is the one who won");
        assertEquals(NOW, stored.decidedAt());
    }

    @Test
    void onlyTheDeciderTakesADecisionBackAndOnlyWhileItStands() {
        ReviewStep step = submitted("r_4", ReviewKind.PERSON_REGISTRATION, NOW, "张三");
        assertTrue(reviews.decideStep(step, ReviewStatus.APPROVED, "p_a", "同意", NOW));
        assertFalse(reviews.reopenStep(step, ReviewStatus.APPROVED, "p_b"), "another decider");
        assertFalse(reviews.reopenStep(step, ReviewStatus.REJECTED, "p_a"), "another outcome");
        assertTrue(reviews.reopenStep(step, ReviewStatus.APPROVED, "p_a"));
        ReviewStep back = reviews.steps("r_4").get(0);
        assertEquals(ReviewStatus.PENDING, back.status());
        assertNull(back.decidedBy());
        assertNull(back.comment());
        assertEquals(1, reviews.countPending(ORG, ReviewKind.PERSON_REGISTRATION), "back in the queue");
        assertTrue(reviews.decideStep(step, ReviewStatus.REJECTED, "p_b", null, NOW), "decidable again");
        assertFalse(reviews.reopenStep(step, ReviewStatus.APPROVED, "p_a"), "moved on since");
    }

    @Test
    void theEndClosesOpenStepsOnlyAndHappensOnce() {
        Review r = review("r_5", ReviewKind.DEPARTMENT_REGISTRATION, NOW, "卫健委");
        reviews.create(r);
        ReviewStep decided = open(r, ORG, "t-1");
        open(r, "o_other", "t-2");
        reviews.decideStep(decided, ReviewStatus.REJECTED, "p_a", null, NOW);
        reviews.closeOpenSteps("r_5", ReviewStatus.CANCELLED, NOW.plusSeconds(1));
        assertEquals(List.of(ReviewStatus.REJECTED, ReviewStatus.CANCELLED),
                reviews.steps("r_5").stream().sorted(java.util.Comparator.comparing(ReviewStep::orgId))
                        .map(ReviewStep::status).toList());
        assertTrue(reviews.finish("r_5", ReviewStatus.REJECTED, NOW.plusSeconds(2)));
        assertFalse(reviews.finish("r_5", ReviewStatus.APPROVED, NOW.plusSeconds(3)));
        Review ended = reviews.get("r_5").orElseThrow();
        assertEquals(ReviewStatus.REJECTED, ended.status());
        assertEquals(NOW.plusSeconds(2), ended.decidedAt());
        assertFalse(reviews.finish("r_none", ReviewStatus.APPROVED, NOW));
    }

    @Test
    void theQueueListsNewestFirstAndPagesWithoutGapsOrRepeats() {
        for (int i = 0; i < 5; i++) {
            submitted("r_q" + i, ReviewKind.PERSON_REGISTRATION, NOW.plusSeconds(i), "人员" + i);
        }
        List<String> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Page<ReviewStep> page = reviews.queue(ORG, query(Optional.empty(), Optional.empty(), Optional.empty(), 2, cursor));
            page.items().forEach(s -> seen.add(s.reviewId()));
            cursor = Optional.ofNullable(page.nextCursor());
            pages++;
        } while (cursor.isPresent() && pages < 10);
        assertEquals(List.of("r_q4", "r_q3", "r_q2", "r_q1", "r_q0"), seen);
        assertTrue(reviews.queue("o_elsewhere", query(Optional.empty(), Optional.empty(), Optional.empty(), 2,
                Optional.empty())).items().isEmpty(), "another org's queue");
    }

    @Test
    void theQueueFiltersByKindStatusTextAndTheKindsTheCallerMaySee() {
        ReviewStep a = submitted("r_a", ReviewKind.PERSON_REGISTRATION, NOW, "张三 武汉大学");
        submitted("r_b", ReviewKind.ORG_CHANGE, NOW.plusSeconds(1), "武汉大学 信息修改");
        submitted("r_c", ReviewKind.PERSON_REGISTRATION, NOW.plusSeconds(2), "李四 华中科技大学");
        reviews.decideStep(a, ReviewStatus.APPROVED, "p_a", null, NOW.plusSeconds(3));

        assertEquals(List.of("r_c", "r_a"), ids(reviews.queue(ORG, query(Optional.of(ReviewKind.PERSON_REGISTRATION),
                Optional.empty(), Optional.empty(), 10, Optional.empty()))));
        assertEquals(List.of("r_c", "r_b"), ids(reviews.queue(ORG, query(Optional.empty(), Optional.of(ReviewStatus.PENDING),
                Optional.empty(), 10, Optional.empty()))));
        assertEquals(List.of("r_b", "r_a"), ids(reviews.queue(ORG, query(Optional.empty(), Optional.empty(),
                Optional.of("武汉大学"), 10, Optional.empty()))));
        ReviewQuery changesOnly = query(Optional.empty(), Optional.empty(), Optional.empty(), 10, Optional.empty())
                .visibleTo(EnumSet.of(ReviewKind.ORG_CHANGE));
        assertEquals(List.of("r_b"), ids(reviews.queue(ORG, changesOnly)));
        assertEquals(1, reviews.countPending(ORG, ReviewKind.PERSON_REGISTRATION));
        assertEquals(1, reviews.countPending(ORG, ReviewKind.ORG_CHANGE));
        assertEquals(0, reviews.countPending("o_elsewhere", ReviewKind.ORG_CHANGE));
    }

    @Test
    void aCursorContinuesOnlyTheQueryItCameFrom() {
        for (int i = 0; i < 3; i++) {
            submitted("r_k" + i, ReviewKind.PERSON_REGISTRATION, NOW.plusSeconds(i), "人员" + i);
        }
        String cursor = reviews.queue(ORG, query(Optional.empty(), Optional.empty(), Optional.empty(), 1, Optional.empty()))
                .nextCursor();
        assertNotNull(cursor);
        Refusals.assertRefused("INVALID_CURSOR", () -> reviews.queue(ORG, query(Optional.empty(),
                Optional.of(ReviewStatus.PENDING), Optional.empty(), 1, Optional.of(cursor))));
        Refusals.assertRefused("INVALID_CURSOR", () -> reviews.queue("o_other", query(Optional.empty(), Optional.empty(),
                Optional.empty(), 1, Optional.of(cursor))));
        Refusals.assertRefused("INVALID_CURSOR", () -> reviews.queue(ORG, query(Optional.empty(), Optional.empty(),
                Optional.empty(), 1, Optional.of(cursor + "x"))));
    }

    private static ReviewQuery query(Optional<ReviewKind> kind, Optional<ReviewStatus> status, Optional<String> text, int limit,
                                     Optional<String> cursor) {
        return new ReviewQuery(kind, status, text, Optional.empty(), Optional.empty(), limit, cursor);
    }

    private static List<String> ids(Page<ReviewStep> page) {
        return page.items().stream().map(ReviewStep::reviewId).toList();
    }
}
