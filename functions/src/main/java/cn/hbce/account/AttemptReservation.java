package cn.hbce.account;

/**
 * The answer to "may one more password check be made?". {@code windowStart} identifies the window
 * the place was taken in (to give it back or to lock at its end); {@code endedLock} says that taking
 * it ended an expired lock, which the caller audits as the unlock.
 */
public record AttemptReservation(boolean granted, long windowStart, boolean endedLock) {
    public static final AttemptReservation REFUSED = new AttemptReservation(false, 0, false);
    /** For callers that have nothing to count (no source address): always granted, nothing to give back. */
    public static final AttemptReservation UNCOUNTED = new AttemptReservation(true, -1, false);
}
