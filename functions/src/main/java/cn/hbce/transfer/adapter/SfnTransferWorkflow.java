package cn.hbce.transfer.adapter;

import cn.hbce.common.json.JsonMapper;
import cn.hbce.transfer.Transfer;
import cn.hbce.transfer.TransferWorkflow;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;

/**
 * statemachines/transfer.asl.json on Step Functions. The execution is named after the transfer's
 * TRANSFER_IN review, so the review engine's own guard (the running execution named after the
 * review) admits the transfer's OpenDecision and its end, and a repeated start is the same execution.
 */
public final class SfnTransferWorkflow implements TransferWorkflow {
    private final Supplier<SfnClient> sfn;
    private final String stateMachineArn;
    private final long decisionTimeoutSeconds;

    public SfnTransferWorkflow(Supplier<SfnClient> sfn, String stateMachineArn, long decisionTimeoutSeconds) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
        this.decisionTimeoutSeconds = decisionTimeoutSeconds;
    }

    @Override
    public void start(Transfer t) {
        if (stateMachineArn == null || stateMachineArn.isBlank()) {
            throw new IllegalStateException("TRANSFER_STATE_MACHINE_ARN is not set for this function");
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("transferId", t.transferId());
        input.put("reviewId", t.reviewId());
        input.put("decidingOrgId", t.toDeptId());
        input.put("decisionTimeoutSeconds", decisionTimeoutSeconds);
        String json;
        try {
            json = JsonMapper.MAPPER.writeValueAsString(input);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        sfn.get().startExecution(r -> r.stateMachineArn(stateMachineArn).name(t.reviewId()).input(json));
    }

    @Override
    public boolean isRunningTransferOf(String executionId, Transfer t) {
        if (executionId == null || executionId.isBlank() || stateMachineArn == null || stateMachineArn.isBlank()) {
            return false;
        }
        DescribeExecutionResponse execution;
        try {
            execution = sfn.get().describeExecution(r -> r.executionArn(executionId));
        } catch (ExecutionDoesNotExistException | InvalidArnException unknown) {
            return false;
        }
        return execution.status() == ExecutionStatus.RUNNING && stateMachineArn.equals(execution.stateMachineArn())
                && t.reviewId().equals(execution.name());
    }
}
