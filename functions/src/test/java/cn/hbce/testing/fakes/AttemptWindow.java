package cn.hbce.testing.fakes;

import cn.hbce.account.AttemptReservation;
import cn.hbce.account.LoginGuard;
import java.time.Duration;
import java.time.Instant;

/**
 * The rolling attempt window of {@code DynamoAttemptWindow} as pure functions over its three numbers
 * ({@code failures, windowStart, lockedUntil}, epoch seconds), with the same conditions: a place in
 * the open window while fewer than {@code limit} are taken and no lock holds; else a new window when
 * the old one closed and no lock holds (reporting a lock it ended); else refused until the lock
 * or the full window ends. The callers apply
 * the result under their lock, which is what the conditional writes guarantee on the table.
 */
final class AttemptWindow {
    private AttemptWindow() {
    }

    record Reserved(LoginGuard after, AttemptReservation reservation) {
    }

    static Reserved reserve(LoginGuard g, Instant now, int limit, Duration window) {
        long nowSec = now.getEpochSecond();
        long cutoff = nowSec - window.toSeconds();
        boolean notLocked = g.lockedUntilEpoch() <= nowSec;
        if (g.windowStartEpoch() > cutoff && g.failures() < limit && notLocked) {
            return new Reserved(new LoginGuard(g.failures() + 1, g.windowStartEpoch(), g.lockedUntilEpoch()),
                    new AttemptReservation(true, g.windowStartEpoch(), false));
        }
        if (g.windowStartEpoch() <= cutoff && notLocked) {
            return new Reserved(new LoginGuard(1, nowSec, 0), new AttemptReservation(true, nowSec, g.lockedUntilEpoch() > 0));
        }
        boolean full = g.windowStartEpoch() > cutoff && g.failures() >= limit;
        return new Reserved(g, AttemptReservation.refusedUntil(
                Math.max(notLocked ? 0 : g.lockedUntilEpoch(), full ? g.windowStartEpoch() + window.toSeconds() : 0)));
    }

    /** The lock after a failure, or null when the window is not used up (or already locked). */
    static LoginGuard lockIfFull(LoginGuard g, AttemptReservation reserved, Instant now, int limit, Duration lock) {
        long nowSec = now.getEpochSecond();
        if (g.windowStartEpoch() == reserved.windowStart() && g.failures() >= limit && g.lockedUntilEpoch() <= nowSec) {
            return new LoginGuard(g.failures(), g.windowStartEpoch(), nowSec + lock.toSeconds());
        }
        return null;
    }

    static LoginGuard release(LoginGuard g, AttemptReservation reserved) {
        if (g.windowStartEpoch() == reserved.windowStart() && g.failures() > 0) {
            return new LoginGuard(g.failures() - 1, g.windowStartEpoch(), g.lockedUntilEpoch());
        }
        return g;
    }
}
