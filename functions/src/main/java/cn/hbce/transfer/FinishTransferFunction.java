package cn.hbce.transfer;

import cn.hbce.AppContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * The transfer workflow's ends (Approve, Reject, Cancel, Expire, RecordFailure): ends the review and
 * the transfer once, gives the person's hold back; FAILED first undoes this transfer's move. Not
 * routed; refused unless called from the transfer's execution.
 */
public final class FinishTransferFunction implements RequestHandler<FinishTransferFunction.Input, Map<String, String>> {
    private final TransferSteps steps;

    public record Input(String transferId, String outcome, String error, String executionId) {
    }

    public FinishTransferFunction() {
        this(AppContext.get().transferSteps());
    }

    public FinishTransferFunction(TransferSteps steps) {
        this.steps = steps;
    }

    @Override
    public Map<String, String> handleRequest(Input input, Context context) {
        TransferStatus outcome = TransferStatus.valueOf(input.outcome());
        steps.finish(input.transferId(), outcome, input.error(), input.executionId());
        return Map.of("transferId", input.transferId(), "outcome", outcome.name());
    }
}
