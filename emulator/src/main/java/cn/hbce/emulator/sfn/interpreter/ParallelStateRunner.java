package cn.hbce.emulator.sfn.interpreter;

import cn.hbce.emulator.sfn.definition.ParallelState;
import cn.hbce.emulator.sfn.definition.StateMachineDefinition;
import cn.hbce.emulator.sfn.errors.StatesError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/** Runs the branches of a Parallel state concurrently; the first failure stops the others. */
final class ParallelStateRunner {

    private final EngineServices services;
    private final ErrorRecovery recovery;
    private final StatesRunner runner;

    ParallelStateRunner(EngineServices services, ErrorRecovery recovery, StatesRunner runner) {
        this.services = services;
        this.recovery = recovery;
        this.runner = runner;
    }

    Outcome run(ParallelState state, JsonNode rawInput, Scope scope, Instant entered) {
        StateContext context = new StateContext(scope.execution(), state.name(), entered, 0, null, null);
        return recovery.run(state.errors(), state.transition().next(), rawInput, scope,
                (retryCount, resumeToken) -> attempt(state, rawInput, scope, entered, retryCount),
                result -> DataFlow.output(state.io(), state.result(), rawInput, result, context));
    }

    private JsonNode attempt(ParallelState state, JsonNode rawInput, Scope scope, Instant entered, int retryCount) {
        StateContext context = new StateContext(scope.execution(), state.name(), entered, retryCount, null, null);
        JsonNode effective = DataFlow.effectiveInput(state.io(), rawInput, context);
        JsonNode branchInput = DataFlow.parameters(state.result(), effective, context);
        scope.emit("ParallelStateStarted", null);
        ExecutionControl group = scope.control().child();
        AtomicReference<StatesError> firstError = new AtomicReference<>();
        List<CompletableFuture<JsonNode>> branches = new ArrayList<>();
        for (StateMachineDefinition branch : state.branches()) {
            Scope branchScope = scope.branch(group);
            CompletableFuture<JsonNode> future = CompletableFuture.supplyAsync(
                    () -> runner.run(branch, branchInput, branchScope), services.pool());
            future.whenComplete((value, failure) -> {
                if (failure != null) {
                    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                    if (cause instanceof StatesError error) {
                        firstError.compareAndSet(null, error);
                    }
                    group.interrupt(ExecutionInterrupted.Reason.SIBLING_FAILED);
                }
            });
            branches.add(future);
        }
        scope.control().await(CompletableFuture.allOf(branches.toArray(CompletableFuture[]::new))
                .handle((ignored, failure) -> null));
        scope.control().checkActive();
        StatesError error = firstError.get();
        if (error != null) {
            scope.emit("ParallelStateFailed", EventDetails.error(error.error(), error.cause()));
            throw error;
        }
        ArrayNode results = JsonNodeFactory.instance.arrayNode(branches.size());
        branches.forEach(branch -> results.add(branch.join()));
        scope.emit("ParallelStateSucceeded", null);
        return results;
    }
}
