package cn.hbce.testing.fakes;

import cn.hbce.account.AttemptReservation;
import cn.hbce.account.LoginGuard;
import cn.hbce.account.LoginSourceLimiter;
import java.time.Instant;

/**
 * {@link LoginSourceLimiter} over the {@link FakeTable}: {@link LoginGuard#MAX_SOURCE_FAILURES} places
 * per address in the rolling window, taken before the account is looked at; no address, no count.
 */
public final class InMemoryLoginSourceLimiter implements LoginSourceLimiter {
    private final FakeTable t;

    public InMemoryLoginSourceLimiter(FakeTable table) {
        this.t = table;
    }

    @Override
    public AttemptReservation reserve(String sourceIp, Instant now) {
        if (sourceIp == null || sourceIp.isBlank()) {
            return AttemptReservation.UNCOUNTED;
        }
        synchronized (t.lock) {
            LoginGuard g = t.sourceWindows.getOrDefault(sourceIp, LoginGuard.CLEAR);
            AttemptWindow.Reserved r = AttemptWindow.reserve(g, now, LoginGuard.MAX_SOURCE_FAILURES, LoginGuard.WINDOW);
            t.sourceWindows.put(sourceIp, r.after());
            return r.reservation();
        }
    }

    @Override
    public void release(String sourceIp, AttemptReservation reserved) {
        if (!reserved.granted() || reserved == AttemptReservation.UNCOUNTED) {
            return;
        }
        synchronized (t.lock) {
            LoginGuard g = t.sourceWindows.get(sourceIp);
            if (g != null) {
                t.sourceWindows.put(sourceIp, AttemptWindow.release(g, reserved));
            }
        }
    }
}
