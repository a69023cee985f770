package cn.hbce.emulator.sfn.interpreter;

import cn.hbce.emulator.sfn.definition.MapState;
import cn.hbce.emulator.sfn.definition.StateMachineDefinition;
import cn.hbce.emulator.sfn.errors.StatesError;
import cn.hbce.emulator.sfn.json.Json;
import cn.hbce.emulator.sfn.json.JsonPaths;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;

/**
 * Runs an inline Map state: iterations over the items with at most MaxConcurrency at once (and at
 * most 40, the inline-mode limit of AWS). The first failed iteration fails the state.
 */
final class MapStateRunner {

    static final int INLINE_CONCURRENCY_LIMIT = 40;

    private final ErrorRecovery recovery;
    private final BranchGroup iterations;

    MapStateRunner(ErrorRecovery recovery, BranchGroup iterations) {
        this.recovery = recovery;
        this.iterations = iterations;
    }

    Outcome run(MapState state, JsonNode rawInput, Scope scope, Instant entered) {
        StateContext context = new StateContext(scope.execution(), state.name(), entered, 0, null, null);
        return recovery.run(state.errors(), state.transition().next(), rawInput, scope,
                (retryCount, resume) -> attempt(state, rawInput, scope, entered, retryCount, resume),
                result -> DataFlow.output(state.io(), state.result(), rawInput, result, context));
    }

    private JsonNode attempt(MapState state, JsonNode rawInput, Scope scope, Instant entered, int retryCount,
            boolean resume) {
        StateContext context = new StateContext(scope.execution(), state.name(), entered, retryCount, null, null);
        JsonNode effective = DataFlow.effectiveInput(state.io(), rawInput, context);
        JsonNode items = JsonPaths.read(state.itemsPath(), effective,
                JsonPaths.isContextPath(state.itemsPath()) ? context.get() : null);
        if (!items.isArray()) {
            throw StatesError.runtime("Map state '" + state.name() + "': the ItemsPath '" + state.itemsPath()
                    + "' must select an array but selected " + Json.typeName(items));
        }
        int limit = concurrency(state, effective, context);
        Checkpoint checkpoint = scope.checkpoint();
        if (!resume || !checkpoint.branchesStarted()) {
            scope.atomically(() -> {
                checkpoint.startBranches();
                scope.emit("MapStateStarted", Json.object().put("length", items.size()));
            });
        }
        JsonNode[] results;
        try {
            results = iterations.run(scope, items.size(), limit, new Iterations(state, items, effective, context));
        } catch (StatesError error) {
            scope.emit("MapStateFailed", EventDetails.error(error.error(), error.cause()));
            throw error;
        }
        ArrayNode output = JsonNodeFactory.instance.arrayNode(results.length);
        for (JsonNode result : results) {
            output.add(result);
        }
        scope.emit("MapStateSucceeded", null);
        return output;
    }

    /** The iterations of one Map attempt and their MapIteration* events. */
    private record Iterations(MapState state, JsonNode items, JsonNode effective, StateContext context)
            implements BranchGroup.Plan {

        @Override
        public StateMachineDefinition definition(int index) {
            return state.processor();
        }

        @Override
        public JsonNode input(int index) {
            JsonNode item = items.get(index);
            return state.itemSelector() == null ? item
                    : PayloadTemplate.apply(state.itemSelector(), effective, context.withMapItem(index, item));
        }

        @Override
        public void started(Scope iteration, int index) {
            iteration.emit("MapIterationStarted", EventDetails.mapIteration(state.name(), index));
        }

        @Override
        public void succeeded(Scope iteration, int index) {
            iteration.emit("MapIterationSucceeded", EventDetails.mapIteration(state.name(), index));
        }

        @Override
        public void failed(Scope iteration, int index) {
            iteration.emit("MapIterationFailed", EventDetails.mapIteration(state.name(), index));
        }

        @Override
        public void aborted(Scope iteration, int index) {
            iteration.emit("MapIterationAborted", EventDetails.mapIteration(state.name(), index));
        }
    }

    private static int concurrency(MapState state, JsonNode effective, StateContext context) {
        int configured = state.maxConcurrency();
        if (state.maxConcurrencyPath() != null) {
            JsonNode value = PayloadTemplate.evaluate(state.maxConcurrencyPath(), effective, context);
            if (!value.isIntegralNumber() || value.intValue() < 0) {
                throw StatesError.runtime("MaxConcurrencyPath must select a non-negative integer but selected " + value);
            }
            configured = value.intValue();
        }
        return configured == 0 ? INLINE_CONCURRENCY_LIMIT : Math.min(configured, INLINE_CONCURRENCY_LIMIT);
    }
}
