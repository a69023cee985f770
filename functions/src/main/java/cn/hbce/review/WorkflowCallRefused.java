package cn.hbce.review;

/**
 * A call of a workflow task function (OpenDecision, FinishReview) that did not come from the running
 * approval of its review, or asked for an outcome the stored decisions do not support. Nothing was
 * changed. Step Functions never sees it for a genuine call; a forged one just fails.
 */
public final class WorkflowCallRefused extends RuntimeException {
    public WorkflowCallRefused(String message) {
        super(message);
    }
}
