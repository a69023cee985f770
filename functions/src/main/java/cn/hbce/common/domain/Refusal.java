package cn.hbce.common.domain;

import java.util.List;
import java.util.Map;

/**
 * A use case's "no": thrown, never caught by the domain, and turned into the contract's error
 * answer by the web layer's one mapper (cn.hbce.common.http.ErrorMapper). The small sealed family
 * says what kind of "no" it is (not found, conflict, stale version, forbidden, invalid, locked,
 * too many attempts, not signed in); the {@link Reason} says why, and so which code and message the
 * client gets. {@code fields} name the request fields at fault, when there are any.
 *
 * <p>No stack trace is captured: a refusal is an expected answer, thrown on hot paths, and never logged.
 */
public abstract sealed class Refusal extends RuntimeException
        permits Invalid, Unauthenticated, Forbidden, NotFound, Conflict, StaleVersion, Locked, TooManyAttempts {
    private final Reason reason;
    private final List<String> fields;
    private final List<Map<String, Object>> details;

    Refusal(Reason reason, List<String> fields) {
        this(reason, fields, List.of());
    }

    /** {@code details}: what the refusal is about, when the client needs the list (e.g. PENDING_WORK's pending reviews). */
    Refusal(Reason reason, List<String> fields, List<Map<String, Object>> details) {
        super(reason.name(), null, false, false);
        if (reason.outcome() != getClass()) {
            throw new IllegalArgumentException(reason + " is a " + reason.outcome().getSimpleName()
                    + ", not a " + getClass().getSimpleName());
        }
        this.reason = reason;
        this.fields = List.copyOf(fields);
        this.details = List.copyOf(details);
    }

    /** The refusal a reason is given with, when the reason alone says it all (e.g. the ways a login fails). */
    public static Refusal of(Reason reason) {
        Class<? extends Refusal> kind = reason.outcome();
        if (kind == Invalid.class) {
            return new Invalid(reason);
        } else if (kind == Unauthenticated.class) {
            return new Unauthenticated(reason);
        } else if (kind == Forbidden.class) {
            return new Forbidden(reason);
        } else if (kind == NotFound.class) {
            return new NotFound(reason);
        } else if (kind == Conflict.class) {
            return new Conflict(reason);
        } else if (kind == StaleVersion.class) {
            return new StaleVersion(reason);
        } else if (kind == Locked.class) {
            return new Locked(reason);
        }
        return new TooManyAttempts(reason);
    }

    public Reason reason() {
        return reason;
    }

    /** The things the refusal is about (may be empty); shown to the client as {@code details}. */
    public List<Map<String, Object>> details() {
        return details;
    }

    /** The request fields at fault (may be empty). */
    public List<String> fields() {
        return fields;
    }
}
