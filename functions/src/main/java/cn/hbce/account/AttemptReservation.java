package cn.hbce.account;

/**
 * The answer to "may one more password check be made?". {@code windowStart} identifies the window
 * the place was taken in (to give it back or to lock at its end); {@code endedLock} says that taking
 * it ended an expired lock, which the caller audits as the unlock. {@code refusedUntil} (epoch
 * seconds, 0 when unknown) says when a refused caller may try again.
 */
public record AttemptReservation(boolean granted, long windowStart, boolean endedLock, long refusedUntil) {
    /** Refused, without knowing until when (the item vanished, or the window kept changing under us). */
    public static final AttemptReservation REFUSED = new AttemptReservation(false, 0, false);
    /** For callers that have nothing to count (no source address): always granted, nothing to give back. */
    public static final AttemptReservation UNCOUNTED = new AttemptReservation(true, -1, false);

    public AttemptReservation(boolean granted, long windowStart, boolean endedLock) {
        this(granted, windowStart, endedLock, 0);
    }

    /**
     * Refused until {@code epochSecond}: the lock's end, or the end of a full window. The login page
     * shows it (a 423's {@code details}), so a person knows when to try again.
     */
    public static AttemptReservation refusedUntil(long epochSecond) {
        return new AttemptReservation(false, 0, false, epochSecond);
    }
}
