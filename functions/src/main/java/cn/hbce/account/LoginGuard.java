package cn.hbce.account;

import java.time.Duration;
import java.time.Instant;

/** Failed-login bookkeeping: failures counted in a window, and the lock they lead to. */
public record LoginGuard(int failures, long windowStartEpoch, long lockedUntilEpoch) {
    public static final LoginGuard CLEAR = new LoginGuard(0, 0, 0);
    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(30);

    public boolean lockedAt(Instant now) {
        return lockedUntilEpoch > now.getEpochSecond();
    }

}
