package cn.hbce.review;

import java.util.List;

/** The multi-party approval process behind every review (Step Functions in production). */
public interface ApprovalWorkflow {

    /** Starts the approval; starting the same review twice starts it once. */
    void start(String reviewId, ReviewKind kind, List<List<String>> stages);

    /** Hands a decision to the waiting step; false when the step no longer waits (timed out, ended). */
    boolean complete(String taskToken, boolean approved, String comment);
}
