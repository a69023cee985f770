package cn.hbce.emulator.sfn.time;

import cn.hbce.emulator.sfn.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs actions when the injected clock reaches their due time. With a {@link ManualClock} timers
 * fire as soon as the clock is advanced past them, so tests never sleep.
 */
public final class TimerScheduler implements AutoCloseable {

    private static final long MAX_IDLE_WAIT_MILLIS = 1_000;

    private final Clock clock;
    private final Executor executor;
    private final PriorityQueue<Timer> queue = new PriorityQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Thread thread;
    private final Runnable wakeUp = this::wakeUp;
    private volatile boolean running = true;

    public TimerScheduler(Clock clock, Executor executor) {
        this.clock = clock;
        this.executor = executor;
        this.thread = new Thread(this::loop, "sfn-timers");
        this.thread.setDaemon(true);
        this.thread.start();
        if (clock instanceof ManualClock manual) {
            manual.onAdvance(wakeUp);
        }
    }

    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public Timer schedule(Instant due, Runnable action) {
        Timer timer = new Timer(due, sequence.incrementAndGet(), action, this);
        synchronized (queue) {
            queue.add(timer);
            queue.notifyAll();
        }
        return timer;
    }

    public Timer scheduleAfter(Duration delay, Runnable action) {
        return schedule(now().plus(delay), action);
    }

    /** Due times of all pending timers, earliest first. */
    public List<Instant> pendingDueTimes() {
        synchronized (queue) {
            List<Timer> timers = new ArrayList<>(queue);
            timers.sort(null);
            return timers.stream().map(Timer::due).toList();
        }
    }

    public Optional<Instant> nextDue() {
        synchronized (queue) {
            return Optional.ofNullable(queue.peek()).map(Timer::due);
        }
    }

    void cancel(Timer timer) {
        synchronized (queue) {
            queue.remove(timer);
        }
    }

    private void wakeUp() {
        synchronized (queue) {
            queue.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            Timer due = null;
            synchronized (queue) {
                Timer next = queue.peek();
                if (next == null) {
                    waitQuietly(MAX_IDLE_WAIT_MILLIS);
                    continue;
                }
                long millis = Duration.between(clock.instant(), next.due()).toMillis();
                if (millis <= 0 && !next.due().isAfter(clock.instant())) {
                    due = queue.poll();
                } else {
                    waitQuietly(Math.max(1, Math.min(millis, MAX_IDLE_WAIT_MILLIS)));
                }
            }
            if (due != null) {
                executor.execute(due.action());
            }
        }
    }

    private void waitQuietly(long millis) {
        try {
            queue.wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        if (clock instanceof ManualClock manual) {
            manual.removeListener(wakeUp);
        }
        thread.interrupt();
        synchronized (queue) {
            queue.clear();
        }
    }
}
