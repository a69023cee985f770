package cn.hbce.emulator.sfn.interpreter;

import cn.hbce.emulator.sfn.definition.WaitState;
import cn.hbce.emulator.sfn.errors.StatesError;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Runs a Wait state on the injected clock. */
final class WaitStateRunner {

    private final EngineServices services;

    WaitStateRunner(EngineServices services) {
        this.services = services;
    }

    Outcome run(WaitState state, JsonNode rawInput, Scope scope, Instant entered) {
        StateContext context = new StateContext(scope.execution(), state.name(), entered, 0, null, null);
        JsonNode effective = DataFlow.effectiveInput(state.io(), rawInput, context);
        Checkpoint checkpoint = scope.checkpoint();
        Instant due;
        if (scope.resuming() && checkpoint.timerKind() == Checkpoint.TimerKind.WAIT && checkpoint.timerDue() != null) {
            due = checkpoint.timerDue();
        } else {
            due = dueTime(state, effective, context, entered);
            checkpoint.waitingUntil(due);
            scope.persist(services);
        }
        Timers.sleepUntil(services, scope, due);
        return new Outcome(DataFlow.select(state.io().outputPath(), effective, context), state.transition().next());
    }

    private static Instant dueTime(WaitState state, JsonNode effective, StateContext context, Instant entered) {
        if (state.seconds() != null) {
            return entered.plusSeconds(state.seconds());
        }
        if (state.timestamp() != null) {
            return ChoiceEvaluator.timestamp(state.timestamp());
        }
        if (state.secondsPath() != null) {
            JsonNode value = PayloadTemplate.evaluate(state.secondsPath(), effective, context);
            if (!value.isIntegralNumber() || value.longValue() < 0) {
                throw StatesError.runtime("The SecondsPath '" + state.secondsPath()
                        + "' must select a non-negative integer but selected " + value);
            }
            return entered.plusSeconds(value.longValue());
        }
        JsonNode value = PayloadTemplate.evaluate(state.timestampPath(), effective, context);
        Instant due = value.isTextual() ? ChoiceEvaluator.timestamp(value.textValue()) : null;
        if (due == null) {
            throw StatesError.runtime("The TimestampPath '" + state.timestampPath()
                    + "' must select an RFC3339 timestamp but selected " + value);
        }
        return due;
    }
}
