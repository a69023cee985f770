package cn.hbce.emulator.sfn.interpreter;

import cn.hbce.emulator.sfn.errors.StatesError;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

/**
 * Lets a running branch be interrupted while it waits. Every wait goes through {@link #await},
 * so stopping an execution (or a failed sibling branch) wakes its waiting threads at once.
 */
public final class ExecutionControl {

    private final Set<CompletableFuture<?>> waiting = ConcurrentHashMap.newKeySet();
    private final List<ExecutionControl> children = new CopyOnWriteArrayList<>();
    private volatile ExecutionInterrupted interruption;

    public ExecutionControl child() {
        ExecutionControl child = new ExecutionControl();
        children.add(child);
        if (interruption != null) {
            child.interrupt(interruption.reason());
        }
        return child;
    }

    public void interrupt(ExecutionInterrupted.Reason reason) {
        if (interruption == null) {
            interruption = new ExecutionInterrupted(reason);
        }
        for (CompletableFuture<?> future : waiting) {
            future.completeExceptionally(interruption);
        }
        children.forEach(child -> child.interrupt(reason));
    }

    public boolean isInterrupted() {
        return interruption != null;
    }

    public void checkActive() {
        if (interruption != null) {
            throw interruption;
        }
    }

    /** Waits for the future; rethrows a StatesError it failed with, or the interruption. */
    public <T> T await(CompletableFuture<T> future) {
        waiting.add(future);
        try {
            if (interruption != null) {
                future.completeExceptionally(interruption);
            }
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionInterrupted(ExecutionInterrupted.Reason.SHUTDOWN);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StatesError error) {
                throw error;
            }
            if (cause instanceof ExecutionInterrupted interrupted) {
                throw interrupted;
            }
            throw new StatesError("States.Runtime", "Internal error: " + cause);
        } finally {
            waiting.remove(future);
        }
    }
}
