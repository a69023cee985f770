package cn.hbce.testing.fakes;

import cn.hbce.common.http.Json;
import cn.hbce.common.paging.CursorCodec;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import cn.hbce.common.paging.Page;
import cn.hbce.review.Review;
import cn.hbce.review.ReviewKind;
import cn.hbce.review.ReviewQuery;
import cn.hbce.review.ReviewRepository;
import cn.hbce.review.ReviewStatus;
import cn.hbce.review.ReviewStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link ReviewRepository} over the {@link FakeTable}, with the conditions of
 * {@code DynamoReviewRepository}: a step moves out of PENDING once (the first decider wins), is
 * reopened only by the decider whose decision could not be delivered, and a review finishes once.
 * Queues are sorted as the GSI2/GSI3 sort key {@code status#submittedMillis#reviewId}, newest
 * first, filtered and paged as the adapter does. Kept honest by {@code ReviewRepositoryContract}.
 */
public final class InMemoryReviewRepository implements ReviewRepository {
    private final FakeTable t;

    public InMemoryReviewRepository(FakeTable table) {
        this.t = table;
    }

    @Override
    public boolean create(Review review) {
        t.faults.check("ReviewRepository.create");
        Review stored = new Review(review.reviewId(), review.kind(), review.status(), review.subjectId(),
                roundTrip(review.subject()), roundTrip(review.detail()), review.searchText(), review.stages(),
                review.submittedBy(), review.submittedAt(), review.decidedAt());
        synchronized (t.lock) {
            return t.reviews.putIfAbsent(review.reviewId(), stored) == null;
        }
    }

    @Override
    public Optional<Review> get(String reviewId) {
        synchronized (t.lock) {
            return Optional.ofNullable(t.reviews.get(reviewId));
        }
    }

    @Override
    public ReviewStep openStep(ReviewStep given) {
        ReviewStep step = with(new ReviewStep(given.reviewId(), given.stageIndex(), given.orgId(), given.kind(), given.status(),
                given.taskToken(), roundTrip(given.subject()), given.searchText(), given.submittedAt(), given.decidedAt(),
                given.decidedBy(), given.comment()), given.status(), given.decidedAt(), given.decidedBy(), given.comment(),
                given.taskToken());
        synchronized (t.lock) {
            TreeMap<String, ReviewStep> mine = t.steps.computeIfAbsent(step.reviewId(), k -> new TreeMap<>());
            ReviewStep stored = mine.get(key(step));
            if (stored == null) {
                mine.put(key(step), step);
                return step;
            }
            ReviewStep renewed = with(stored, stored.status(), stored.decidedAt(), stored.decidedBy(), stored.comment(),
                    step.taskToken());
            mine.put(key(step), renewed);
            return renewed;
        }
    }

    @Override
    public boolean createClosedStep(ReviewStep given) {
        ReviewStep step = with(given, given.status(), given.decidedAt(), given.decidedBy(), given.comment(), null);
        synchronized (t.lock) {
            TreeMap<String, ReviewStep> mine = t.steps.computeIfAbsent(step.reviewId(), k -> new TreeMap<>());
            if (mine.containsKey(key(step))) {
                return false;
            }
            mine.put(key(step), step);
            return true;
        }
    }

    @Override
    public List<ReviewStep> steps(String reviewId) {
        synchronized (t.lock) {
            return List.copyOf(t.steps.getOrDefault(reviewId, new TreeMap<>()).values());
        }
    }

    @Override
    public boolean decideStep(ReviewStep step, ReviewStatus outcome, String decidedBy, String comment, Instant at) {
        synchronized (t.lock) {
            return move(step, outcome, decidedBy, comment, at);
        }
    }

    @Override
    public boolean reopenStep(ReviewStep step, ReviewStatus outcome, String decidedBy) {
        synchronized (t.lock) {
            ReviewStep stored = stored(step);
            if (stored == null || stored.status() != outcome || !decidedBy.equals(stored.decidedBy())) {
                return false;
            }
            t.steps.get(step.reviewId()).put(key(step), with(stored, ReviewStatus.PENDING, null, null, null,
                    stored.taskToken()));
            return true;
        }
    }

    @Override
    public void closeOpenSteps(String reviewId, ReviewStatus status, Instant at) {
        synchronized (t.lock) {
            for (ReviewStep s : List.copyOf(t.steps.getOrDefault(reviewId, new TreeMap<>()).values())) {
                move(s, status, null, null, at);
            }
        }
    }

    @Override
    public boolean finish(String reviewId, ReviewStatus outcome, Instant at) {
        synchronized (t.lock) {
            Review r = t.reviews.get(reviewId);
            if (r == null || r.status() != ReviewStatus.PENDING) {
                return false;
            }
            t.reviews.put(reviewId, new Review(r.reviewId(), r.kind(), outcome, r.subjectId(), r.subject(), r.detail(),
                    r.searchText(), r.stages(), r.submittedBy(), r.submittedAt(), at));
            return true;
        }
    }

    @Override
    public Page<ReviewStep> queue(String orgId, ReviewQuery q) {
        List<ReviewStep> matching = new ArrayList<>();
        synchronized (t.lock) {
            for (TreeMap<String, ReviewStep> ofReview : t.steps.values()) {
                for (ReviewStep s : ofReview.values()) {
                    if (s.orgId().equals(orgId) && matches(s, q)) {
                        matching.add(s);
                    }
                }
            }
        }
        matching.sort(Comparator.comparing(InMemoryReviewRepository::sortKey).reversed());
        String index = q.kind().isPresent() ? "GSI2" : "GSI3";
        String pk = q.kind().isPresent() ? "QUEUE#" + orgId + "#" + q.kind().get().name() : "QUEUE#" + orgId;
        String scope = CursorCodec.scope("reviews", index, pk, q.status(), q.from(), q.to(), q.text(),
                new TreeSet<>(q.visibleKinds()));
        return FakePages.fullPageCursor(matching, s -> sortKey(s) + "|" + s.stageIndex(), scope, q.limit(), q.cursor(), true);
    }

    @Override
    public long countPending(String orgId, ReviewKind kind) {
        synchronized (t.lock) {
            return t.steps.values().stream().flatMap(m -> m.values().stream())
                    .filter(s -> s.orgId().equals(orgId) && s.kind() == kind && s.status() == ReviewStatus.PENDING)
                    .count();
        }
    }

    /** Test lookup: the reviews about {@code subjectId}, oldest first. */
    public List<Review> about(String subjectId) {
        synchronized (t.lock) {
            return t.reviews.values().stream().filter(r -> subjectId.equals(r.subjectId()))
                    .sorted(Comparator.comparing(Review::submittedAt).thenComparing(Review::reviewId)).toList();
        }
    }

    private static boolean matches(ReviewStep s, ReviewQuery q) {
        if (q.kind().isPresent() && s.kind() != q.kind().get()) {
            return false;
        }
        if (q.kind().isEmpty() && !q.visibleKinds().contains(s.kind())) {
            return false;
        }
        if (q.status().isPresent() && s.status() != q.status().get()) {
            return false;
        }
        long millis = s.submittedAt().toEpochMilli();
        if (q.from().isPresent() && millis < q.from().get().toEpochMilli()) {
            return false;
        }
        if (q.to().isPresent() && millis > q.to().get().toEpochMilli()) {
            return false;
        }
        return q.text().map(text -> s.searchText() != null && s.searchText().contains(text)).orElse(true);
    }

    private boolean move(ReviewStep step, ReviewStatus outcome, String decidedBy, String comment, Instant at) {
        ReviewStep stored = stored(step);
        if (stored == null || stored.status() != ReviewStatus.PENDING) {
            return false;
        }
        t.steps.get(step.reviewId()).put(key(step), with(stored, outcome, at,
                decidedBy != null ? decidedBy : stored.decidedBy(), comment != null ? comment : stored.comment(),
                stored.taskToken()));
        return true;
    }

    private ReviewStep stored(ReviewStep step) {
        return t.steps.getOrDefault(step.reviewId(), new TreeMap<>()).get(key(step));
    }

    private static ReviewStep with(ReviewStep s, ReviewStatus status, Instant decidedAt, String decidedBy, String comment,
                                   String taskToken) {
        return new ReviewStep(s.reviewId(), s.stageIndex(), s.orgId(), s.kind(), status, taskToken, s.subject(),
                s.searchText(), s.submittedAt(), decidedAt, decidedBy, comment);
    }

    /**
     * Subject and detail are stored as JSON on the table: what a review's effect reads back is
     * plain maps, lists, strings and numbers, never the records the submitter put in.
     */
    private static Map<String, Object> roundTrip(Map<String, Object> value) {
        if (value == null) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(value), new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(ReviewStep s) {
        return "STEP#" + s.stageIndex() + "#" + s.orgId();
    }

    private static String sortKey(ReviewStep s) {
        return s.status().name() + "#" + String.format("%013d", s.submittedAt().toEpochMilli()) + "#" + s.reviewId();
    }
}
