package cn.hbce.account;

import java.time.Instant;
import java.util.Optional;

public interface SessionStore {

    void create(Session session);

    Optional<Session> get(String personId, String sessionId);

    /** Records activity for the admin idle limit. */
    void touch(String personId, String sessionId, Instant now);

    void delete(String personId, String sessionId);

    /** Ends every session of the person except {@code keepSessionId} (may be null). */
    void deleteAll(String personId, String keepSessionId);

    /** Ends the sessions opened with one admin seat; the person's other sessions go on. */
    void deleteAllOfSeat(String personId, String adminId);
}
