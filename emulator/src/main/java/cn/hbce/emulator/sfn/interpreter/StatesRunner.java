package cn.hbce.emulator.sfn.interpreter;

import cn.hbce.emulator.sfn.definition.ChoiceState;
import cn.hbce.emulator.sfn.definition.FailState;
import cn.hbce.emulator.sfn.definition.MapState;
import cn.hbce.emulator.sfn.definition.ParallelState;
import cn.hbce.emulator.sfn.definition.PassState;
import cn.hbce.emulator.sfn.definition.ResultHandling;
import cn.hbce.emulator.sfn.definition.State;
import cn.hbce.emulator.sfn.definition.StateMachineDefinition;
import cn.hbce.emulator.sfn.definition.SucceedState;
import cn.hbce.emulator.sfn.definition.TaskState;
import cn.hbce.emulator.sfn.definition.WaitState;
import cn.hbce.emulator.sfn.errors.StatesError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Walks the states of a machine (or branch) from StartAt until a terminal state. */
final class StatesRunner {

    private final EngineServices services;
    private final TaskStateRunner tasks;
    private final ParallelStateRunner parallels;
    private final MapStateRunner maps;
    private final WaitStateRunner waits;

    StatesRunner(EngineServices services) {
        this.services = services;
        ErrorRecovery recovery = new ErrorRecovery(services);
        this.tasks = new TaskStateRunner(services, recovery);
        BranchGroup branches = new BranchGroup(services, this);
        this.parallels = new ParallelStateRunner(recovery, branches);
        this.maps = new MapStateRunner(recovery, branches);
        this.waits = new WaitStateRunner(services);
    }

    /** Runs to the end; a resuming scope continues at its checkpoint instead of StartAt. */
    JsonNode run(StateMachineDefinition definition, JsonNode input, Scope scope) {
        Checkpoint checkpoint = scope.checkpoint();
        if (scope.resuming() && checkpoint.finished()) {
            return checkpoint.output();
        }
        String name;
        JsonNode data;
        Instant entered;
        if (scope.resuming()) {
            name = checkpoint.stateName();
            data = checkpoint.stateInput();
            entered = checkpoint.enteredTime();
        } else {
            scope.control().checkActive();
            name = definition.startAt();
            data = input;
            entered = enter(definition.state(name), data, scope, null);
        }
        while (true) {
            State state = definition.state(name);
            Outcome outcome = execute(state, data, scope, entered);
            DataLimit.check(state.name(), outcome.output());
            scope.resumed();
            ObjectNode exited = EventDetails.stateExited(name, outcome.output());
            String exitedType = state.type() + "StateExited";
            if (outcome.ends()) {
                scope.atomically(() -> {
                    checkpoint.finish(outcome.output());
                    scope.emit(exitedType, exited);
                });
                return outcome.output();
            }
            scope.control().checkActive();
            name = outcome.next();
            data = outcome.output();
            entered = enter(definition.state(name), data, scope, () -> scope.emit(exitedType, exited));
        }
    }

    /** Moves the checkpoint to a state and records its entry (after the previous state's exit, if any). */
    private Instant enter(State state, JsonNode data, Scope scope, Runnable previousExit) {
        Instant entered = services.now();
        scope.atomically(() -> {
            scope.checkpoint().enter(state.name(), data, entered);
            if (previousExit != null) {
                previousExit.run();
            }
            scope.emit(state.type() + "StateEntered", EventDetails.stateEntered(state.name(), data));
        });
        scope.persist(services);
        return entered;
    }

    private Outcome execute(State state, JsonNode input, Scope scope, Instant entered) {
        if (state instanceof TaskState task) {
            return tasks.run(task, input, scope, entered);
        }
        if (state instanceof ParallelState parallel) {
            return parallels.run(parallel, input, scope, entered);
        }
        if (state instanceof MapState map) {
            return maps.run(map, input, scope, entered);
        }
        if (state instanceof WaitState wait) {
            return waits.run(wait, input, scope, entered);
        }
        StateContext context = new StateContext(scope.execution(), state.name(), entered, 0, null, null);
        if (state instanceof PassState pass) {
            JsonNode effective = DataFlow.effectiveInput(pass.io(), input, context);
            JsonNode result = pass.result() != null ? pass.result()
                    : DataFlow.parameters(pass.resultHandling(), effective, context);
            ResultHandling placement = new ResultHandling(null, null, pass.resultHandling().resultPath());
            return new Outcome(DataFlow.output(pass.io(), placement, input, result, context), pass.transition().next());
        }
        if (state instanceof ChoiceState choice) {
            JsonNode effective = DataFlow.effectiveInput(choice.io(), input, context);
            String next = ChoiceEvaluator.next(choice, effective, context);
            return new Outcome(DataFlow.select(choice.io().outputPath(), effective, context), next);
        }
        if (state instanceof SucceedState succeed) {
            JsonNode effective = DataFlow.effectiveInput(succeed.io(), input, context);
            return new Outcome(DataFlow.select(succeed.io().outputPath(), effective, context), null);
        }
        FailState fail = (FailState) state;
        throw new StatesError(failField(fail.error(), fail.errorPath(), "ErrorPath", input, context),
                failField(fail.cause(), fail.causePath(), "CausePath", input, context));
    }

    private static String failField(String fixed, String path, String field, JsonNode input, StateContext context) {
        if (path == null) {
            return fixed;
        }
        JsonNode value = PayloadTemplate.evaluate(path, input, context);
        if (!value.isTextual()) {
            throw StatesError.runtime("The " + field + " '" + path + "' must select a string but selected " + value);
        }
        return value.textValue();
    }
}
