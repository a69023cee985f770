package cn.hbce.emulator.sfn.interpreter;

import cn.hbce.emulator.sfn.tasks.TaskIntegrations;
import cn.hbce.emulator.sfn.time.TimerScheduler;
import java.time.Instant;
import java.util.concurrent.ExecutorService;

/** What the state runners share: threads, timers, task integrations, tokens and the execution store. */
record EngineServices(
        ExecutorService pool,
        TimerScheduler scheduler,
        TaskIntegrations integrations,
        TaskTokens tokens,
        ExecutionStore store,
        String region) {

    Instant now() {
        return scheduler.now();
    }

    void persist(Execution execution) {
        store.changed(execution);
    }
}
