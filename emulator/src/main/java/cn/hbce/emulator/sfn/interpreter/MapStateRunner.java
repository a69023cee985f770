package cn.hbce.emulator.sfn.interpreter;

import cn.hbce.emulator.sfn.definition.MapState;
import cn.hbce.emulator.sfn.errors.StatesError;
import cn.hbce.emulator.sfn.json.Json;
import cn.hbce.emulator.sfn.json.JsonPaths;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs an inline Map state: iterations over the items with at most MaxConcurrency at once (and at
 * most 40, the inline-mode limit of AWS). The first failed iteration fails the state.
 */
final class MapStateRunner {

    static final int INLINE_CONCURRENCY_LIMIT = 40;

    private final EngineServices services;
    private final ErrorRecovery recovery;
    private final StatesRunner runner;

    MapStateRunner(EngineServices services, ErrorRecovery recovery, StatesRunner runner) {
        this.services = services;
        this.recovery = recovery;
        this.runner = runner;
    }

    Outcome run(MapState state, JsonNode rawInput, Scope scope, Instant entered) {
        StateContext context = new StateContext(scope.execution(), state.name(), entered, 0, null, null);
        return recovery.run(state.errors(), state.transition().next(), rawInput, scope,
                (retryCount, resumeToken) -> attempt(state, rawInput, scope, entered, retryCount),
                result -> DataFlow.output(state.io(), state.result(), rawInput, result, context));
    }

    private JsonNode attempt(MapState state, JsonNode rawInput, Scope scope, Instant entered, int retryCount) {
        StateContext context = new StateContext(scope.execution(), state.name(), entered, retryCount, null, null);
        JsonNode effective = DataFlow.effectiveInput(state.io(), rawInput, context);
        JsonNode items = JsonPaths.read(state.itemsPath(), effective,
                JsonPaths.isContextPath(state.itemsPath()) ? context.get() : null);
        if (!items.isArray()) {
            throw StatesError.runtime("Map state '" + state.name() + "': the ItemsPath '" + state.itemsPath()
                    + "' must select an array but selected " + Json.typeName(items));
        }
        int limit = concurrency(state, effective, context);
        scope.emit("MapStateStarted", Json.object().put("length", items.size()));
        JsonNode[] results = new JsonNode[items.size()];
        ExecutionControl group = scope.control().child();
        AtomicInteger nextIndex = new AtomicInteger();
        AtomicReference<StatesError> firstError = new AtomicReference<>();
        Runnable worker = () -> {
            int index;
            while (!group.isInterrupted() && (index = nextIndex.getAndIncrement()) < items.size()) {
                iterate(state, index, items.get(index), effective, context, scope, group, results, firstError);
            }
        };
        int workers = Math.min(limit, items.size());
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int i = 1; i < workers; i++) {
            running.add(CompletableFuture.runAsync(worker, services.pool()));
        }
        if (workers > 0) {
            worker.run();
        }
        scope.control().await(CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
                .handle((ignored, failure) -> null));
        scope.control().checkActive();
        StatesError error = firstError.get();
        if (error != null) {
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

    private void iterate(MapState state, int index, JsonNode item, JsonNode effective, StateContext context,
            Scope scope, ExecutionControl group, JsonNode[] results, AtomicReference<StatesError> firstError) {
        Scope iteration = scope.branch(group);
        try {
            JsonNode iterationInput = state.itemSelector() == null ? item
                    : PayloadTemplate.apply(state.itemSelector(), effective, context.withMapItem(index, item));
            iteration.emit("MapIterationStarted", EventDetails.mapIteration(state.name(), index));
            results[index] = runner.run(state.processor(), iterationInput, iteration);
            iteration.emit("MapIterationSucceeded", EventDetails.mapIteration(state.name(), index));
        } catch (StatesError error) {
            iteration.emit("MapIterationFailed", EventDetails.mapIteration(state.name(), index));
            firstError.compareAndSet(null, error);
            group.interrupt(ExecutionInterrupted.Reason.SIBLING_FAILED);
        } catch (ExecutionInterrupted interrupted) {
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
