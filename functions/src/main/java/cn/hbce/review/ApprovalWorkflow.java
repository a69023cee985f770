package cn.hbce.review;

import java.util.List;

/** The multi-party approval process behind every review (Step Functions in production). */
public interface ApprovalWorkflow {

    /** Starts the approval; starting the same review twice starts it once. */
    void start(String reviewId, ReviewKind kind, List<List<String>> stages);

    /** Hands a decision to the waiting step; false when the step no longer waits (timed out, ended). */
    boolean complete(String taskToken, boolean approved, String comment);

    /**
     * Tells the waiting step that the request was withdrawn (error {@code Review.Cancelled}); false
     * when the step no longer waits. Only workflows that offer a withdrawal (the transfer) catch it.
     */
    default boolean cancel(String taskToken, String reason) {
        throw new UnsupportedOperationException("This workflow offers no withdrawal");
    }

    /**
     * Whether {@code executionId} names a RUNNING execution of the approval workflow (or of another
     * workflow that drives reviews, such as the transfer) that is the approval of {@code reviewId},
     * i.e. is named after it. The workflow's own task functions call back only from inside
     * such an execution; anything else (a bare invoke, a made-up or finished execution, another
     * review's) is not the workflow talking.
     */
    boolean isRunningApprovalOf(String executionId, String reviewId);
}
