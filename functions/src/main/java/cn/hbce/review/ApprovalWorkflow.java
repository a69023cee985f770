package cn.hbce.review;

import java.util.List;

/** The multi-party approval process behind every review (Step Functions in production). */
public interface ApprovalWorkflow {

    /** Starts the approval; starting the same review twice starts it once. */
    void start(String reviewId, ReviewKind kind, List<List<String>> stages);

    /** Hands a decision to the waiting step; false when the step no longer waits (timed out, ended). */
    boolean complete(String taskToken, boolean approved, String comment);

    /**
     * Whether {@code executionId} names a RUNNING execution of the approval workflow that is the
     * approval of {@code reviewId}. The workflow's own task functions call back only from inside
     * such an execution; anything else (a bare invoke, a made-up or finished execution, another
     * review's) is not the workflow talking.
     */
    boolean isRunningApprovalOf(String executionId, String reviewId);
}
