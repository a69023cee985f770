package cn.hbce.testing.fakes;

import cn.hbce.review.PersonWorkRegistry;
import cn.hbce.review.ReviewKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PersonWorkRegistry} in memory: each call is atomic, as each DynamoDB item write and
 * consistent read is. {@link #afterHold} and {@link #afterAddPending} let a test run another
 * caller between the two steps of a guard, to play a chosen interleaving.
 */
public final class InMemoryPersonWorkRegistry implements PersonWorkRegistry {
    private final Map<String, Map<String, PendingWork>> pending = new HashMap<>();
    private final Map<String, String> holds = new HashMap<>();
    public volatile Runnable afterHold = () -> { };
    public volatile Runnable afterAddPending = () -> { };

    @Override
    public void addPending(String personId, String reviewId, ReviewKind kind, Instant at) {
        synchronized (this) {
            pending.computeIfAbsent(personId, k -> new LinkedHashMap<>()).put(reviewId, new PendingWork(reviewId, kind, at));
        }
        Runnable hook = afterAddPending;
        afterAddPending = () -> { };
        hook.run();
    }

    @Override
    public synchronized void removePending(String personId, String reviewId) {
        pending.getOrDefault(personId, new LinkedHashMap<>()).remove(reviewId);
    }

    @Override
    public synchronized List<PendingWork> pending(String personId) {
        return new ArrayList<>(pending.getOrDefault(personId, Map.of()).values());
    }

    @Override
    public boolean hold(String personId, String holderId, Instant at) {
        boolean taken;
        synchronized (this) {
            String held = holds.putIfAbsent(personId, holderId);
            taken = held == null || held.equals(holderId);
        }
        if (taken) {
            Runnable hook = afterHold;
            afterHold = () -> { };
            hook.run();
        }
        return taken;
    }

    @Override
    public synchronized Optional<String> holder(String personId) {
        return Optional.ofNullable(holds.get(personId));
    }

    @Override
    public synchronized void release(String personId, String holderId) {
        holds.remove(personId, holderId);
    }
}
