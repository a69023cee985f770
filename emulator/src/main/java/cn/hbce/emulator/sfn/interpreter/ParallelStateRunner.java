package cn.hbce.emulator.sfn.interpreter;

import cn.hbce.emulator.sfn.definition.ParallelState;
import cn.hbce.emulator.sfn.definition.StateMachineDefinition;
import cn.hbce.emulator.sfn.errors.StatesError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;

/** Runs the branches of a Parallel state concurrently; the first failure stops the others. */
final class ParallelStateRunner {

    private final ErrorRecovery recovery;
    private final BranchGroup branches;

    ParallelStateRunner(ErrorRecovery recovery, BranchGroup branches) {
        this.recovery = recovery;
        this.branches = branches;
    }

    Outcome run(ParallelState state, JsonNode rawInput, Scope scope, Instant entered) {
        StateContext context = new StateContext(scope.execution(), state.name(), entered, 0, null, null);
        return recovery.run(state.errors(), state.transition().next(), rawInput, scope,
                (retryCount, resume) -> attempt(state, rawInput, scope, entered, retryCount, resume),
                result -> DataFlow.output(state.io(), state.result(), rawInput, result, context));
    }

    private JsonNode attempt(ParallelState state, JsonNode rawInput, Scope scope, Instant entered, int retryCount,
            boolean resume) {
        StateContext context = new StateContext(scope.execution(), state.name(), entered, retryCount, null, null);
        JsonNode effective = DataFlow.effectiveInput(state.io(), rawInput, context);
        JsonNode branchInput = DataFlow.parameters(state.result(), effective, context);
        Checkpoint checkpoint = scope.checkpoint();
        if (!resume || !checkpoint.branchesStarted()) {
            scope.atomically(() -> {
                checkpoint.startBranches();
                scope.emit("ParallelStateStarted", null);
            });
        }
        JsonNode[] results;
        try {
            results = branches.run(scope, state.branches().size(), state.branches().size(), new BranchGroup.Plan() {
                @Override
                public StateMachineDefinition definition(int index) {
                    return state.branches().get(index);
                }

                @Override
                public JsonNode input(int index) {
                    return branchInput;
                }
            });
        } catch (StatesError error) {
            scope.emit("ParallelStateFailed", EventDetails.error(error.error(), error.cause()));
            throw error;
        }
        ArrayNode output = JsonNodeFactory.instance.arrayNode(results.length);
        for (JsonNode result : results) {
            output.add(result);
        }
        scope.emit("ParallelStateSucceeded", null);
        return output;
    }
}
