package cn.hbce.emulator.sfn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that only moves when told to. Timers of a {@link StepFunctionsLocal} started with this
 * clock fire when {@link #advance(Duration)} or {@link #set(Instant)} moves time past them.
 */
public final class ManualClock extends Clock {

    private final List<Runnable> listeners;
    private volatile Instant now;

    public ManualClock(Instant start) {
        this(start, new CopyOnWriteArrayList<>());
    }

    private ManualClock(Instant start, List<Runnable> listeners) {
        this.now = start;
        this.listeners = listeners;
    }

    public static ManualClock startingAt(String isoInstant) {
        return new ManualClock(Instant.parse(isoInstant));
    }

    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A clock cannot go back: " + duration);
        }
        synchronized (this) {
            now = now.plus(duration);
        }
        listeners.forEach(Runnable::run);
    }

    public void set(Instant instant) {
        synchronized (this) {
            if (instant.isBefore(now)) {
                throw new IllegalArgumentException("A clock cannot go back to " + instant);
            }
            now = instant;
        }
        listeners.forEach(Runnable::run);
    }

    /** Registers a callback run after every change of time (used by timer schedulers). */
    public void onAdvance(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("ManualClock is always UTC");
    }
}
