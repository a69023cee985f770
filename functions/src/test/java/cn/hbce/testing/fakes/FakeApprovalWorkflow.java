package cn.hbce.testing.fakes;

import cn.hbce.review.ApprovalWorkflow;
import cn.hbce.review.ReviewKind;
import cn.hbce.review.ReviewService;
import cn.hbce.review.ReviewStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link ApprovalWorkflow} that plays statemachines/approval.asl.json in memory: stages in order,
 * every deciding org of a stage in parallel (one callback task each, opened through
 * {@link ReviewService#openStep} with a fresh token), any rejection ends the execution with
 * REJECTED, the last approval with APPROVED, a timeout with EXPIRED, each through
 * {@link ReviewService#finish} from inside the running execution. A token is good for one
 * completion; a completion after the end (or twice) answers false, as Step Functions' TaskTimedOut
 * / TaskDoesNotExist do. {@link #unreachable} makes every call fail the way a network error does.
 * Callbacks run synchronously, so a test sees the state the workflow would reach.
 */
public final class FakeApprovalWorkflow implements ApprovalWorkflow {
    private static final String ARN_PREFIX = "arn:aws:states:cn-north-1:000000000000:execution:approval:";
    private final Map<String, Execution> executions = new HashMap<>();
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private final List<RuntimeException> callbackErrors = new CopyOnWriteArrayList<>();
    private volatile boolean reachable = true;
    private ReviewService service;

    private static final class Execution {
        final String reviewId;
        final List<List<String>> stages;
        int stage;
        ReviewStatus outcome;

        Execution(String reviewId, List<List<String>> stages) {
            this.reviewId = reviewId;
            this.stages = stages;
        }
    }

    private record Task(String reviewId, int stage, String orgId, boolean[] done) {
    }

    /** The execution id Step Functions gives the approval of {@code reviewId} (named after the review). */
    public static String executionArn(String reviewId) {
        return ARN_PREFIX + reviewId;
    }

    /** The review service the workflow's task functions call (OpenDecision, FinishReview). */
    public synchronized void attach(ReviewService reviews) {
        this.service = reviews;
    }

    /** While false, every call fails like an unreachable endpoint. */
    public void reachable(boolean value) {
        this.reachable = value;
    }

    @Override
    public synchronized void start(String reviewId, ReviewKind kind, List<List<String>> stages) {
        failIfUnreachable();
        if (executions.containsKey(reviewId)) {
            return;
        }
        Execution e = new Execution(reviewId, List.copyOf(stages));
        executions.put(reviewId, e);
        openStage(e);
    }

    @Override
    public synchronized boolean complete(String taskToken, boolean approved, String comment) {
        failIfUnreachable();
        Task task = tasks.get(taskToken);
        if (task == null || task.done()[0]) {
            return false;
        }
        Execution e = executions.get(task.reviewId());
        if (e.outcome != null) {
            return false;
        }
        task.done()[0] = true;
        if (!approved) {
            end(e, ReviewStatus.REJECTED);
        } else if (waiting(e.reviewId, e.stage).isEmpty()) {
            e.stage++;
            if (e.stage < e.stages.size()) {
                openStage(e);
            } else {
                end(e, ReviewStatus.APPROVED);
            }
        }
        return true;
    }

    /** A withdrawal ends the execution as the transfer's Cancel path does: CANCELLED. */
    @Override
    public synchronized boolean cancel(String taskToken, String reason) {
        failIfUnreachable();
        Task task = tasks.get(taskToken);
        if (task == null || task.done()[0]) {
            return false;
        }
        Execution e = executions.get(task.reviewId());
        if (e.outcome != null) {
            return false;
        }
        task.done()[0] = true;
        end(e, ReviewStatus.CANCELLED);
        return true;
    }

    @Override
    public synchronized boolean isRunningApprovalOf(String executionId, String reviewId) {
        failIfUnreachable();
        Execution e = reviewId == null ? null : executions.get(reviewId);
        return e != null && e.outcome == null && executionArn(reviewId).equals(executionId);
    }

    /** The decision timeout of the waiting tasks fires: the execution ends EXPIRED. */
    public synchronized void expire(String reviewId) {
        Execution e = executions.get(reviewId);
        if (e != null && e.outcome == null) {
            waiting(reviewId, e.stage).forEach(t -> t.done()[0] = true);
            end(e, ReviewStatus.EXPIRED);
        }
    }

    /**
     * A restart of the workflow's side of a stage: OpenDecision runs again for every org of the
     * current stage with new tokens (as after a Lambda retry), the old tokens stop working.
     */
    public synchronized void reopenCurrentStage(String reviewId) {
        Execution e = executions.get(reviewId);
        waiting(reviewId, e.stage).forEach(t -> t.done()[0] = true);
        openStage(e);
    }

    /** How the execution ended; empty while it runs (or never started). */
    public synchronized Optional<ReviewStatus> outcome(String reviewId) {
        Execution e = executions.get(reviewId);
        return Optional.ofNullable(e == null ? null : e.outcome);
    }

    public synchronized boolean started(String reviewId) {
        return executions.containsKey(reviewId);
    }

    /** The orgs whose decision the execution waits for now. */
    public synchronized List<String> waitingFor(String reviewId) {
        Execution e = executions.get(reviewId);
        return e == null || e.outcome != null ? List.of() : waiting(reviewId, e.stage).stream().map(Task::orgId).toList();
    }

    /** Task functions that failed when the workflow called them (a real execution would retry, then record FAILED). */
    public List<RuntimeException> callbackErrors() {
        return List.copyOf(callbackErrors);
    }

    private void openStage(Execution e) {
        if (service == null) {
            return;
        }
        // Every branch of the stage's Map exists before any of them runs: one answering at once
        // (a step decided before a restart) must not end the stage while the others still wait.
        int stage = e.stage;
        Map<String, String> opened = new LinkedHashMap<>();
        for (String org : e.stages.get(stage)) {
            String token = "token-" + tokens.incrementAndGet() + "-" + e.reviewId + "-" + stage + "-" + org;
            tasks.put(token, new Task(e.reviewId, stage, org, new boolean[1]));
            opened.put(token, org);
        }
        opened.forEach((token, org) -> {
            try {
                service.openStep(e.reviewId, stage, org, token, executionArn(e.reviewId));
            } catch (RuntimeException failed) {
                callbackErrors.add(failed);
            }
        });
    }

    private void end(Execution e, ReviewStatus outcome) {
        try {
            if (service != null) {
                service.finish(e.reviewId, outcome, executionArn(e.reviewId));
            }
        } catch (RuntimeException failed) {
            callbackErrors.add(failed);
        }
        e.outcome = outcome;
    }

    private List<Task> waiting(String reviewId, int stage) {
        List<Task> out = new ArrayList<>();
        for (Task t : tasks.values()) {
            if (t.reviewId().equals(reviewId) && t.stage() == stage && !t.done()[0]) {
                out.add(t);
            }
        }
        return out;
    }

    private void failIfUnreachable() {
        if (!reachable) {
            throw new IllegalStateException("Unable to execute HTTP request: Connect to states endpoint failed");
        }
    }
}
