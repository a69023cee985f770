package cn.hbce.emulator.sfn.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Where one thread of control of an execution stands (the top level, a Parallel branch or a Map
 * iteration), enough to continue it after a restart: the current state and its input, retry
 * counters, the task or timer it waits for, and during a Parallel or Map state the results of
 * its finished branches and a checkpoint for each running one.
 *
 * <p>All checkpoints of an execution share one lock, so a snapshot shows the whole tree at one
 * moment; {@link Scope#atomically} uses the same lock to tie a change to the events announcing it.
 */
public final class Checkpoint {

    /** What kind of timer a pending {@link #timerDue()} belongs to. */
    public enum TimerKind { WAIT, RETRY }

    private record RunningBranch(JsonNode input, Checkpoint checkpoint) {
    }

    private final Object lock;
    private String stateName;
    private JsonNode stateInput;
    private Instant enteredTime;
    private int[] retryAttempts = new int[0];
    private Position.Task task;
    private Instant timerDue;
    private TimerKind timerKind;
    private SortedMap<Integer, JsonNode> branchResults;
    private SortedMap<Integer, RunningBranch> runningBranches;
    private boolean finished;
    private JsonNode output;

    public Checkpoint() {
        this(new Object());
    }

    private Checkpoint(Object lock) {
        this.lock = lock;
    }

    <T> T atomically(Supplier<T> step) {
        synchronized (lock) {
            return step.get();
        }
    }

    void enter(String state, JsonNode input, Instant entered) {
        synchronized (lock) {
            stateName = state;
            stateInput = input;
            enteredTime = entered;
            retryAttempts = new int[0];
            finished = false;
            output = null;
            clearWaits();
        }
    }

    /** The scope reached its end with this output. */
    void finish(JsonNode finalOutput) {
        synchronized (lock) {
            clearWaits();
            finished = true;
            output = finalOutput;
        }
    }

    void retrying(int[] attempts, Instant due) {
        synchronized (lock) {
            clearWaits();
            retryAttempts = attempts.clone();
            timerDue = due;
            timerKind = TimerKind.RETRY;
        }
    }

    void waitingUntil(Instant due) {
        synchronized (lock) {
            timerDue = due;
            timerKind = TimerKind.WAIT;
        }
    }

    void taskStarted(String token, Instant deadline) {
        synchronized (lock) {
            clearWaits();
            task = new Position.Task(token, false, deadline, null, null);
        }
    }

    void taskSubmitted(Instant heartbeatDeadline) {
        synchronized (lock) {
            if (task != null) {
                task = task.submittedWith(heartbeatDeadline);
            }
        }
    }

    /** Records a new heartbeat deadline of a submitted task; false when no such task is waiting. */
    boolean heartbeat(Instant heartbeatDeadline) {
        synchronized (lock) {
            if (task == null || !task.submitted() || task.result() != null) {
                return false;
            }
            task = task.withHeartbeat(heartbeatDeadline);
            return true;
        }
    }

    void taskSucceeded(JsonNode result) {
        synchronized (lock) {
            task = new Position.Task(null, true, null, null, result);
        }
    }

    void taskFailed() {
        synchronized (lock) {
            task = null;
        }
    }

    /** Drops what the current state waits for: its task, timer and branches. */
    void clearWaits() {
        synchronized (lock) {
            task = null;
            timerDue = null;
            timerKind = null;
            branchResults = null;
            runningBranches = null;
        }
    }

    /** A Parallel or Map attempt begins: no branch has run yet. */
    void startBranches() {
        synchronized (lock) {
            clearWaits();
            branchResults = new TreeMap<>();
            runningBranches = new TreeMap<>();
        }
    }

    boolean branchesStarted() {
        synchronized (lock) {
            return branchResults != null;
        }
    }

    /** A checkpoint for a branch about to start; it joins the tree with {@link #branchStarted}. */
    Checkpoint newBranch() {
        return new Checkpoint(lock);
    }

    void branchStarted(int index, JsonNode input, Checkpoint branch) {
        synchronized (lock) {
            runningBranches.put(index, new RunningBranch(input, branch));
        }
    }

    void branchSucceeded(int index, JsonNode result) {
        synchronized (lock) {
            runningBranches.remove(index);
            branchResults.put(index, result);
        }
    }

    /** The result of a finished branch, else null. */
    JsonNode branchResult(int index) {
        synchronized (lock) {
            return branchResults == null ? null : branchResults.get(index);
        }
    }

    /** The checkpoint of a running branch, else null. */
    Checkpoint runningBranch(int index) {
        synchronized (lock) {
            RunningBranch branch = runningBranches == null ? null : runningBranches.get(index);
            return branch == null ? null : branch.checkpoint();
        }
    }

    JsonNode runningBranchInput(int index) {
        synchronized (lock) {
            return runningBranches.get(index).input();
        }
    }

    List<Integer> runningBranchIndexes() {
        synchronized (lock) {
            return runningBranches == null ? List.of() : List.copyOf(runningBranches.keySet());
        }
    }

    /** Tokens of every task in this tree that is waiting (or may be) for a callback. */
    public Set<String> taskTokens() {
        synchronized (lock) {
            Set<String> tokens = new HashSet<>();
            if (task != null && task.token() != null && task.result() == null) {
                tokens.add(task.token());
            }
            if (runningBranches != null) {
                runningBranches.values().forEach(branch -> tokens.addAll(branch.checkpoint().taskTokens()));
            }
            return tokens;
        }
    }

    public Position snapshot() {
        synchronized (lock) {
            Position.Branches branches = null;
            if (branchResults != null) {
                SortedMap<Integer, Position.Branch> running = new TreeMap<>();
                runningBranches.forEach((index, branch) ->
                        running.put(index, new Position.Branch(branch.input(), branch.checkpoint().snapshot())));
                branches = new Position.Branches(Collections.unmodifiableSortedMap(new TreeMap<>(branchResults)),
                        Collections.unmodifiableSortedMap(running));
            }
            return new Position(stateName, stateInput, enteredTime, Arrays.stream(retryAttempts).boxed().toList(), task,
                    timerDue, timerKind, branches, finished, output);
        }
    }

    public void restore(Position position) {
        synchronized (lock) {
            stateName = position.stateName();
            stateInput = position.stateInput();
            enteredTime = position.enteredTime();
            retryAttempts = position.retryAttempts().stream().mapToInt(Integer::intValue).toArray();
            task = position.task();
            timerDue = position.timerDue();
            timerKind = position.timerKind();
            finished = position.finished();
            output = position.output();
            branchResults = null;
            runningBranches = null;
            if (position.branches() != null) {
                branchResults = new TreeMap<>(position.branches().results());
                runningBranches = new TreeMap<>();
                for (Map.Entry<Integer, Position.Branch> entry : position.branches().running().entrySet()) {
                    Checkpoint branch = newBranch();
                    branch.restore(entry.getValue().position());
                    runningBranches.put(entry.getKey(), new RunningBranch(entry.getValue().input(), branch));
                }
            }
        }
    }

    public String stateName() {
        synchronized (lock) {
            return stateName;
        }
    }

    JsonNode stateInput() {
        synchronized (lock) {
            return stateInput;
        }
    }

    Instant enteredTime() {
        synchronized (lock) {
            return enteredTime;
        }
    }

    int[] retryAttempts() {
        synchronized (lock) {
            return retryAttempts.clone();
        }
    }

    Position.Task task() {
        synchronized (lock) {
            return task;
        }
    }

    Instant timerDue() {
        synchronized (lock) {
            return timerDue;
        }
    }

    TimerKind timerKind() {
        synchronized (lock) {
            return timerKind;
        }
    }

    boolean finished() {
        synchronized (lock) {
            return finished;
        }
    }

    JsonNode output() {
        synchronized (lock) {
            return output;
        }
    }
}
