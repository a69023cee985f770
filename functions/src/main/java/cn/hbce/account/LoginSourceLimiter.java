package cn.hbce.account;

import java.time.Instant;

/**
 * Failed logins per source address ({@link LoginGuard#MAX_SOURCE_FAILURES} in
 * {@link LoginGuard#WINDOW}), so one client can neither lock out nor probe many accounts. A login
 * reserves its place before anything else is looked at and gives it back when the password was right.
 */
public interface LoginSourceLimiter {

    /** A place for one more failure of {@code sourceIp}; refused when its budget is spent. */
    AttemptReservation reserve(String sourceIp, Instant now);

    /** The login succeeded: its place does not count as a failure. */
    void release(String sourceIp, AttemptReservation reserved);
}
