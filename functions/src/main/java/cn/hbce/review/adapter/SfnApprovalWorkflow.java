package cn.hbce.review.adapter;

import cn.hbce.review.ApprovalWorkflow;
import cn.hbce.review.Review;
import cn.hbce.review.ReviewKind;

import cn.hbce.common.json.JsonMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * The approval state machine (statemachines/approval.asl.json) on Step Functions. The execution is
 * named after the review, so a repeated start is the same execution.
 */
public final class SfnApprovalWorkflow implements ApprovalWorkflow {
    public static final String REJECTED_ERROR = "Review.Rejected";
    public static final String CANCELLED_ERROR = "Review.Cancelled";
    private final Supplier<SfnClient> sfn;
    private final String stateMachineArn;
    private final long decisionTimeoutSeconds;
    private final Set<String> otherDrivers;

    public SfnApprovalWorkflow(SfnClient sfn, String stateMachineArn, long decisionTimeoutSeconds) {
        this(() -> sfn, stateMachineArn, decisionTimeoutSeconds);
    }

    public SfnApprovalWorkflow(Supplier<SfnClient> sfn, String stateMachineArn, long decisionTimeoutSeconds) {
        this(sfn, stateMachineArn, decisionTimeoutSeconds, Set.of());
    }

    /**
     * The client is asked for at the first start or completion: functions that wire the review
     * service only to read (e.g. GET /v1/org, through the org service) never build a Step Functions client.
     */
    public SfnApprovalWorkflow(Supplier<SfnClient> sfn, String stateMachineArn, long decisionTimeoutSeconds,
                               Set<String> otherDrivers) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
        this.decisionTimeoutSeconds = decisionTimeoutSeconds;
        this.otherDrivers = Set.copyOf(otherDrivers);
    }

    @Override
    public void start(String reviewId, ReviewKind kind, List<List<String>> stages) {
        if (stateMachineArn == null || stateMachineArn.isBlank()) {
            throw new IllegalStateException("APPROVAL_STATE_MACHINE_ARN is not set for this function");
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("reviewId", reviewId);
        input.put("kind", kind.name());
        input.put("stages", stages);
        input.put("decisionTimeoutSeconds", decisionTimeoutSeconds);
        try {
            String json = JsonMapper.MAPPER.writeValueAsString(input);
            sfn.get().startExecution(r -> r.stateMachineArn(stateMachineArn).name(reviewId).input(json));
        } catch (ExecutionAlreadyExistsException started) {
            // Same review started before with other input cannot happen: ids are fresh per review.
            throw new IllegalStateException("Approval of " + reviewId + " exists with different input", started);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean complete(String taskToken, boolean approved, String comment) {
        try {
            if (approved) {
                sfn.get().sendTaskSuccess(r -> r.taskToken(taskToken).output("{\"decision\":\"APPROVE\"}"));
            } else {
                sfn.get().sendTaskFailure(r -> r.taskToken(taskToken).error(REJECTED_ERROR)
                        .cause(comment == null ? "rejected" : comment.length() > 256 ? comment.substring(0, 256) : comment));
            }
            return true;
        } catch (TaskTimedOutException | TaskDoesNotExistException | InvalidTokenException gone) {
            return false;
        }
    }

    @Override
    public boolean cancel(String taskToken, String reason) {
        try {
            sfn.get().sendTaskFailure(r -> r.taskToken(taskToken).error(CANCELLED_ERROR)
                    .cause(reason == null ? "cancelled" : reason.length() > 256 ? reason.substring(0, 256) : reason));
            return true;
        } catch (TaskTimedOutException | TaskDoesNotExistException | InvalidTokenException gone) {
            return false;
        }
    }

    /**
     * Asks Step Functions itself (DescribeExecution), so a caller cannot vouch for its own context.
     * Executions of the other workflows that drive a review's decision (the transfer's, named after
     * its TRANSFER_IN review) count as well.
     */
    @Override
    public boolean isRunningApprovalOf(String executionId, String reviewId) {
        if (executionId == null || executionId.isBlank() || reviewId == null
                || ((stateMachineArn == null || stateMachineArn.isBlank()) && otherDrivers.isEmpty())) {
            return false;
        }
        DescribeExecutionResponse execution;
        try {
            execution = sfn.get().describeExecution(r -> r.executionArn(executionId));
        } catch (ExecutionDoesNotExistException | InvalidArnException unknown) {
            return false;
        }
        return execution.status() == ExecutionStatus.RUNNING
                && (execution.stateMachineArn().equals(stateMachineArn) || otherDrivers.contains(execution.stateMachineArn()))
                && reviewId.equals(execution.name());
    }
}
