package cn.hbce.testing.fakes;

import cn.hbce.account.Session;
import cn.hbce.account.SessionStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link SessionStore} over the {@link FakeTable}: one partition of sessions per person, as on the table. */
public final class InMemorySessionStore implements SessionStore {
    private final FakeTable t;

    public InMemorySessionStore(FakeTable table) {
        this.t = table;
    }

    @Override
    public void create(Session session) {
        synchronized (t.lock) {
            t.sessions.computeIfAbsent(session.personId(), k -> new LinkedHashMap<>()).put(session.sessionId(), session);
        }
    }

    @Override
    public Optional<Session> get(String personId, String sessionId) {
        synchronized (t.lock) {
            return Optional.ofNullable(t.sessions.getOrDefault(personId, new LinkedHashMap<>()).get(sessionId));
        }
    }

    @Override
    public void touch(String personId, String sessionId, Instant now) {
        synchronized (t.lock) {
            Map<String, Session> mine = t.sessions.get(personId);
            Session s = mine == null ? null : mine.get(sessionId);
            if (s != null) {
                mine.put(sessionId, new Session(s.personId(), s.sessionId(), s.userType(), s.orgId(), s.adminId(),
                        s.issuedAt(), s.expiresAt(), now));
            }
        }
    }

    @Override
    public void delete(String personId, String sessionId) {
        synchronized (t.lock) {
            Map<String, Session> mine = t.sessions.get(personId);
            if (mine != null) {
                mine.remove(sessionId);
            }
        }
    }

    @Override
    public void deleteAll(String personId, String keepSessionId) {
        synchronized (t.lock) {
            Map<String, Session> mine = t.sessions.get(personId);
            if (mine != null) {
                mine.keySet().removeIf(sid -> keepSessionId == null || !sid.equals(keepSessionId));
            }
        }
    }

    @Override
    public void deleteAllOfSeat(String personId, String adminId) {
        synchronized (t.lock) {
            Map<String, Session> mine = t.sessions.get(personId);
            if (mine != null) {
                mine.values().removeIf(s -> adminId.equals(s.adminId()));
            }
        }
    }

    /** The person's live sessions, in the order they were opened. */
    public List<Session> of(String personId) {
        synchronized (t.lock) {
            return List.copyOf(t.sessions.getOrDefault(personId, new LinkedHashMap<>()).values());
        }
    }
}
