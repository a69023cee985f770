package cn.hbce.emulator.sfn.persistence;

import cn.hbce.emulator.sfn.interpreter.Execution;
import cn.hbce.emulator.sfn.interpreter.ExecutionStore;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Saves changed executions to a data directory on a background thread. An execution that changes
 * many times while a save is under way (a Map with many iterations) is written once more with its
 * latest state rather than once per change. {@link #close} writes everything still pending.
 */
public final class ExecutionSaver implements ExecutionStore {

    private static final Logger LOG = Logger.getLogger(ExecutionSaver.class.getName());

    private final DataDirectory directory;
    private final Set<Execution> changed = new LinkedHashSet<>();
    private final Thread writer;
    private boolean closed;

    public ExecutionSaver(DataDirectory directory) {
        this.directory = directory;
        this.writer = new Thread(this::writeChanges, "sfn-execution-saver");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public synchronized void changed(Execution execution) {
        if (!closed) {
            changed.add(execution);
            notifyAll();
        }
    }

    @Override
    public void close(Collection<Execution> executions) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            notifyAll();
        }
        joinWriter();
        Set<Execution> remaining;
        synchronized (this) {
            remaining = new LinkedHashSet<>(changed);
            changed.clear();
        }
        remaining.addAll(executions);
        remaining.forEach(this::save);
    }

    private void writeChanges() {
        while (true) {
            List<Execution> batch;
            synchronized (this) {
                while (changed.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                batch = List.copyOf(changed);
                changed.clear();
            }
            batch.forEach(this::save);
        }
    }

    private void save(Execution execution) {
        try {
            directory.saveExecution(execution.arn(), ExecutionCodec.toJson(execution));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot save execution " + execution.arn(), e);
        }
    }

    private void joinWriter() {
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
