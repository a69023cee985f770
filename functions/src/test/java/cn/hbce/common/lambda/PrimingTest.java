package cn.hbce.common.lambda;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class PrimingTest {

    @Test
    void everyHandlerRegistersTheJsonPrimer() throws Exception {
        Class.forName("cn.hbce.health.HealthFunction").getConstructor().newInstance();
        assertTrue(Priming.names().contains("json"), Priming.names().toString());
        assertDoesNotThrow(Priming::json);
    }

    @Test
    void aFailingPrimerIsSkippedSoTheSnapshotIsStillTaken() {
        AtomicBoolean later = new AtomicBoolean();
        Priming.register("test-failing", () -> {
            throw new IllegalStateException("boom");
        });
        Priming.register("test-later", () -> later.set(true));
        assertDoesNotThrow(Priming::primeNow);
        assertTrue(later.get(), "primers after a failing one still run");
    }

    @Test
    void outsideSnapStartNoCheckpointHookIsRegistered() {
        // The build never runs under SnapStart: the CRaC hook must not be loaded for an ordinary cold start.
        assertFalse(Priming.underSnapStart());
    }
}
