package cn.hbce.transfer;

import cn.hbce.AppContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * The transfer workflow's CheckPendingWork task: {@code {clear, pending:[{reviewId, kind}]}}, which
 * the state machine's Choice reads. Not routed; refused unless called from the transfer's execution.
 */
public final class CheckTransferWorkFunction implements RequestHandler<CheckTransferWorkFunction.Input, Map<String, Object>> {
    private final TransferSteps steps;

    public record Input(String transferId, String executionId) {
    }

    public CheckTransferWorkFunction() {
        this(AppContext.get().transferSteps());
    }

    public CheckTransferWorkFunction(TransferSteps steps) {
        this.steps = steps;
    }

    @Override
    public Map<String, Object> handleRequest(Input input, Context context) {
        return TransferSteps.checkResult(steps.pendingWork(input.transferId(), input.executionId()));
    }
}
