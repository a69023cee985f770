package cn.hbce.transfer;

import cn.hbce.AppContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * The transfer workflow's approval branch: MovePerson, MoveRecords, MoveStatistics and
 * RecordHistory, one {@code step} per state, and the failure branch's MoveRecordsBack. The record
 * steps answer {@code {done, cursor}}: the state machine calls them again with the cursor until
 * done. Not routed; refused unless called from the transfer's execution.
 */
public final class ApplyTransferFunction implements RequestHandler<ApplyTransferFunction.Input, Map<String, Object>> {
    private final TransferSteps steps;

    public record Input(String transferId, String step, String cursor, String executionId) {
    }

    public ApplyTransferFunction() {
        this(AppContext.get().transferSteps());
    }

    public ApplyTransferFunction(TransferSteps steps) {
        this.steps = steps;
    }

    @Override
    public Map<String, Object> handleRequest(Input input, Context context) {
        TransferSteps.Step step = TransferSteps.Step.valueOf(input.step());
        TransferSteps.Progress progress = steps.apply(input.transferId(), step, input.cursor(), input.executionId());
        return Map.of("transferId", input.transferId(), "step", step.name(), "done", progress.done(),
                "cursor", progress.cursor(), "changed", progress.changed());
    }
}
