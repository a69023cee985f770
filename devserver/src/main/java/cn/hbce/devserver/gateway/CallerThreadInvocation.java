package cn.hbce.devserver.gateway;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An invocation that runs on its caller's thread (the gateway's connection thread), watched by
 * {@link FunctionHost}'s deadline thread: when the caller's wait or the function's Timeout passes
 * first, the caller's answer is given from there ({@code late}), and what the function returns
 * afterwards is dropped. Every step is under this object's lock, so a late answer is complete
 * before the caller's thread, once the function ends, sees that it was given.
 */
final class CallerThreadInvocation {
    private final Thread thread;
    private final long giveUpAt;
    private final long timeoutAt;
    private final Consumer<RuntimeException> late;
    private final Runnable onTimeout;
    private final Supplier<RuntimeException> timeoutError;
    private final Supplier<RuntimeException> giveUpError;
    private boolean ended;
    private boolean answered;
    private boolean timedOut;

    CallerThreadInvocation(long startNanos, long waitMillis, long timeoutMillis, Consumer<RuntimeException> late,
                           Runnable onTimeout, Supplier<RuntimeException> timeoutError,
                           Supplier<RuntimeException> giveUpError) {
        this.thread = Thread.currentThread();
        this.timeoutAt = startNanos + timeoutMillis * 1_000_000;
        this.giveUpAt = startNanos + Math.min(waitMillis, timeoutMillis) * 1_000_000;
        this.late = late;
        this.onTimeout = onTimeout;
        this.timeoutError = timeoutError;
        this.giveUpError = giveUpError;
    }

    /** Called by the deadline thread: gives the late answer and ends the environment when their time came. */
    synchronized void check(long nowNanos) {
        if (ended) {
            return;
        }
        if (!timedOut && nowNanos - timeoutAt >= 0) {
            timedOut = true;
            onTimeout.run();
            thread.interrupt();
            answerLate(timeoutError.get());
        } else if (nowNanos - giveUpAt >= 0) {
            answerLate(giveUpError.get());
        }
    }

    private void answerLate(RuntimeException why) {
        if (!answered) {
            answered = true;
            late.accept(why);
        }
    }

    /** Called by the caller once the function ended: true when the answer is still the caller's to give. */
    synchronized boolean end() {
        ended = true;
        if (timedOut) {
            Thread.interrupted(); // The deadline thread's interrupt is not the caller's.
        }
        return !answered;
    }
}
