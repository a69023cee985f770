package cn.hbce.emulator.sfn.interpreter;

import cn.hbce.emulator.sfn.time.Timer;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** Blocking waits on the injected clock that a stop or sibling failure interrupts. */
final class Timers {

    private Timers() {
    }

    static void sleepUntil(EngineServices services, Scope scope, Instant due) {
        if (!due.isAfter(services.now())) {
            return;
        }
        CompletableFuture<Void> elapsed = new CompletableFuture<>();
        Timer timer = services.scheduler().schedule(due, () -> elapsed.complete(null));
        try {
            scope.control().await(elapsed);
        } finally {
            timer.cancel();
        }
    }
}
