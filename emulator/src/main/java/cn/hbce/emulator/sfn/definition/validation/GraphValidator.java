package cn.hbce.emulator.sfn.definition.validation;

import cn.hbce.emulator.sfn.definition.Catcher;
import cn.hbce.emulator.sfn.definition.ChoiceState;
import cn.hbce.emulator.sfn.definition.ErrorHandling;
import cn.hbce.emulator.sfn.definition.MapState;
import cn.hbce.emulator.sfn.definition.ParallelState;
import cn.hbce.emulator.sfn.definition.PassState;
import cn.hbce.emulator.sfn.definition.State;
import cn.hbce.emulator.sfn.definition.StateMachineDefinition;
import cn.hbce.emulator.sfn.definition.TaskState;
import cn.hbce.emulator.sfn.definition.WaitState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the transitions of a parsed definition: StartAt and every Next/Default/Catch target exist
 * in the same scope, every state is reachable, and state names are unique across all branches.
 */
public final class GraphValidator {

    /** One problem, in the shape of the definition error messages. */
    public record Problem(String code, String message, String pointer) {
    }

    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> allNames = new HashSet<>();

    private GraphValidator() {
    }

    public static List<Problem> validate(StateMachineDefinition definition) {
        GraphValidator validator = new GraphValidator();
        validator.scope(definition, "");
        return validator.problems;
    }

    private void scope(StateMachineDefinition definition, String pointer) {
        if (definition.startAt() == null || !definition.states().containsKey(definition.startAt())) {
            problems.add(new Problem("MISSING_TRANSITION_TARGET", "Missing 'StartAt' target: "
                    + definition.startAt(), pointer + "/StartAt"));
            return;
        }
        for (State state : definition.states().values()) {
            String statePointer = pointer + "/States/" + state.name();
            if (!allNames.add(state.name())) {
                problems.add(new Problem("DUPLICATE_STATE_NAME", "Duplicate State name: " + state.name(), statePointer));
            }
            for (String target : targets(state)) {
                if (!definition.states().containsKey(target)) {
                    problems.add(new Problem("MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + target,
                            statePointer));
                }
            }
            if (state instanceof ParallelState parallel) {
                for (int i = 0; i < parallel.branches().size(); i++) {
                    scope(parallel.branches().get(i), statePointer + "/Branches/" + i);
                }
            } else if (state instanceof MapState map) {
                scope(map.processor(), statePointer + "/ItemProcessor");
            }
        }
        Set<String> reachable = reachable(definition);
        for (String name : definition.states().keySet()) {
            if (!reachable.contains(name)) {
                problems.add(new Problem("UNREACHABLE_STATE", "State \"" + name + "\" is not reachable",
                        pointer + "/States/" + name));
            }
        }
    }

    private static Set<String> reachable(StateMachineDefinition definition) {
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(definition.startAt()));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            State state = definition.states().get(name);
            if (state != null && seen.add(name)) {
                pending.addAll(targets(state));
            }
        }
        return seen;
    }

    static List<String> targets(State state) {
        List<String> targets = new ArrayList<>();
        if (state instanceof TaskState task) {
            addNext(targets, task.transition().next());
            addCatchers(targets, task.errors());
        } else if (state instanceof PassState pass) {
            addNext(targets, pass.transition().next());
        } else if (state instanceof WaitState wait) {
            addNext(targets, wait.transition().next());
        } else if (state instanceof ParallelState parallel) {
            addNext(targets, parallel.transition().next());
            addCatchers(targets, parallel.errors());
        } else if (state instanceof MapState map) {
            addNext(targets, map.transition().next());
            addCatchers(targets, map.errors());
        } else if (state instanceof ChoiceState choice) {
            choice.choices().forEach(branch -> addNext(targets, branch.next()));
            addNext(targets, choice.defaultNext());
        }
        return targets;
    }

    private static void addNext(List<String> targets, String next) {
        if (next != null) {
            targets.add(next);
        }
    }

    private static void addCatchers(List<String> targets, ErrorHandling errors) {
        for (Catcher catcher : errors.catchers()) {
            addNext(targets, catcher.next());
        }
    }
}
