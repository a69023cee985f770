package cn.hbce.account;

import java.time.Duration;
import java.time.Instant;

/**
 * Failed-login bookkeeping of an account: attempts reserved in a rolling window, and the lock they
 * lead to. Every password check (login, password change) first reserves one of
 * {@link #MAX_FAILURES} places in the window with a conditional write, so a burst of parallel
 * guesses gets no more checks than a patient guesser; a correct password gives them all back.
 */
public record LoginGuard(int failures, long windowStartEpoch, long lockedUntilEpoch) {
    public static final LoginGuard CLEAR = new LoginGuard(0, 0, 0);
    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(30);
    /** Failed logins one source address may make in {@link #WINDOW} before it is answered 429. */
    public static final int MAX_SOURCE_FAILURES = 20;

    public boolean lockedAt(Instant now) {
        return lockedUntilEpoch > now.getEpochSecond();
    }
}
