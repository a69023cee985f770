package cn.hbce.emulator.sfn.time;

import java.time.Instant;

/** A pending action of a {@link TimerScheduler}; cancelling an already fired timer is harmless. */
public final class Timer implements Comparable<Timer> {

    private final Instant due;
    private final long sequence;
    private final Runnable action;
    private final TimerScheduler owner;

    Timer(Instant due, long sequence, Runnable action, TimerScheduler owner) {
        this.due = due;
        this.sequence = sequence;
        this.action = action;
        this.owner = owner;
    }

    public Instant due() {
        return due;
    }

    Runnable action() {
        return action;
    }

    public void cancel() {
        owner.cancel(this);
    }

    @Override
    public int compareTo(Timer other) {
        int byDue = due.compareTo(other.due);
        return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
    }
}
