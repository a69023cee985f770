package cn.hbce.emulator.sfn.interpreter;

import cn.hbce.emulator.sfn.definition.StateMachineDefinition;
import cn.hbce.emulator.sfn.errors.ErrorNames;
import cn.hbce.emulator.sfn.errors.StatesError;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the branches of a Parallel state or the iterations of a Map state, at most {@code limit} at
 * once, recording each one in the state's checkpoint. After a restart, finished branches keep
 * their results and are not run again, and running ones continue from their own checkpoints.
 * The first failure stops the others.
 */
final class BranchGroup {

    /** What differs between Parallel branches and Map iterations. */
    interface Plan {
        StateMachineDefinition definition(int index);

        /** The input of a branch that starts now (resumed branches keep the input they started with). */
        JsonNode input(int index);

        default void started(Scope branch, int index) {
        }

        default void succeeded(Scope branch, int index) {
        }

        default void failed(Scope branch, int index) {
        }

        default void aborted(Scope branch, int index) {
        }
    }

    private final EngineServices services;
    private final StatesRunner runner;

    BranchGroup(EngineServices services, StatesRunner runner) {
        this.services = services;
        this.runner = runner;
    }

    /**
     * Runs branches 0..count-1 on top of the branch progress already in the scope's checkpoint
     * (see {@link Checkpoint#startBranches}) and returns their results in order.
     */
    JsonNode[] run(Scope scope, int count, int limit, Plan plan) {
        Checkpoint checkpoint = scope.checkpoint();
        JsonNode[] results = new JsonNode[count];
        // Resumed branches go first: they already held concurrency slots before the restart.
        Queue<Integer> queue = new ConcurrentLinkedQueue<>(checkpoint.runningBranchIndexes());
        for (int index = 0; index < count; index++) {
            JsonNode saved = checkpoint.branchResult(index);
            if (saved != null) {
                results[index] = saved;
            } else if (checkpoint.runningBranch(index) == null) {
                queue.add(index);
            }
        }
        ExecutionControl group = scope.control().child();
        AtomicReference<StatesError> firstError = new AtomicReference<>();
        Runnable worker = () -> {
            Integer index;
            while (!group.isInterrupted() && (index = queue.poll()) != null) {
                runBranch(scope, group, index, plan, results, firstError);
            }
        };
        int workers = Math.min(limit, queue.size());
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int i = 1; i < workers; i++) {
            running.add(CompletableFuture.runAsync(worker, services.pool()));
        }
        if (workers > 0) {
            worker.run();
        }
        scope.control().await(CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
                .handle((ignored, failure) -> null));
        releaseTokensOfUnresumed(checkpoint, queue);
        scope.control().checkActive();
        StatesError error = firstError.get();
        if (error != null) {
            throw error;
        }
        return results;
    }

    private void runBranch(Scope scope, ExecutionControl group, int index, Plan plan, JsonNode[] results,
            AtomicReference<StatesError> firstError) {
        Checkpoint checkpoint = scope.checkpoint();
        Checkpoint resumed = checkpoint.runningBranch(index);
        Checkpoint branchCheckpoint = resumed != null ? resumed : checkpoint.newBranch();
        Scope branch = scope.branch(group, branchCheckpoint);
        try {
            JsonNode input;
            if (resumed != null) {
                input = checkpoint.runningBranchInput(index);
            } else {
                input = plan.input(index);
                branch.atomically(() -> {
                    checkpoint.branchStarted(index, input, branchCheckpoint);
                    plan.started(branch, index);
                });
            }
            JsonNode result = runner.run(plan.definition(index), input, branch);
            branch.atomically(() -> {
                checkpoint.branchSucceeded(index, result);
                plan.succeeded(branch, index);
            });
            results[index] = result;
            branch.persist(services);
        } catch (StatesError error) {
            plan.failed(branch, index);
            stopGroup(group, firstError, error);
        } catch (ExecutionInterrupted interrupted) {
            plan.aborted(branch, index);
        } catch (RuntimeException unexpected) {
            stopGroup(group, firstError, new StatesError(ErrorNames.RUNTIME,
                    "Internal error of the local Step Functions service: " + unexpected));
        }
    }

    private static void stopGroup(ExecutionControl group, AtomicReference<StatesError> firstError, StatesError error) {
        firstError.compareAndSet(null, error);
        group.interrupt(ExecutionInterrupted.Reason.SIBLING_FAILED);
    }

    /** Tokens reserved at restore time for branches that never got to run again (a sibling failed first). */
    private void releaseTokensOfUnresumed(Checkpoint checkpoint, Queue<Integer> leftOver) {
        for (Integer index : leftOver) {
            Checkpoint branch = checkpoint.runningBranch(index);
            if (branch != null) {
                branch.taskTokens().forEach(services.tokens()::release);
            }
        }
    }
}
