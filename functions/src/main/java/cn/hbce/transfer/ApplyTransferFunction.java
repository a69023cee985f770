package cn.hbce.transfer;

import cn.hbce.AppContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * The transfer workflow's approval branch: MovePerson, MoveStatistics and RecordHistory, one
 * {@code step} per state. Not routed; refused unless called from the transfer's execution.
 */
public final class ApplyTransferFunction implements RequestHandler<ApplyTransferFunction.Input, Map<String, String>> {
    private final TransferSteps steps;

    public record Input(String transferId, String step, String executionId) {
    }

    public ApplyTransferFunction() {
        this(AppContext.get().transferSteps());
    }

    public ApplyTransferFunction(TransferSteps steps) {
        this.steps = steps;
    }

    @Override
    public Map<String, String> handleRequest(Input input, Context context) {
        TransferSteps.Step step = TransferSteps.Step.valueOf(input.step());
        steps.apply(input.transferId(), step, input.executionId());
        return Map.of("transferId", input.transferId(), "step", step.name());
    }
}
