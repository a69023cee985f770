package cn.hbce.testing.fakes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failures planted in the fakes: {@code failOn("OrgRepository.create")} makes the next call of that
 * port method throw, the way a DynamoDB write that times out or is throttled would, so the undo
 * paths of the services can be tested. Operation names are {@code Port.method}.
 */
public final class Faults {
    private final Map<String, AtomicInteger> planned = new ConcurrentHashMap<>();

    /** The next call of {@code operation} fails. */
    public void failOn(String operation) {
        failOn(operation, 1);
    }

    /** The next {@code times} calls of {@code operation} fail. */
    public void failOn(String operation, int times) {
        planned.computeIfAbsent(operation, k -> new AtomicInteger()).addAndGet(times);
    }

    /** Called by the fakes at the start of each planted operation. */
    void check(String operation) {
        AtomicInteger left = planned.get(operation);
        if (left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new InjectedFault(operation);
        }
    }

    /** What a planted failure throws: an unchecked error, as the SDK's are. */
    public static final class InjectedFault extends RuntimeException {
        InjectedFault(String operation) {
            super("injected failure of " + operation);
        }
    }
}
