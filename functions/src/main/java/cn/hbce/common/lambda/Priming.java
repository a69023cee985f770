package cn.hbce.common.lambda;

import cn.hbce.common.http.Json;
import cn.hbce.common.log.JsonLog;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming. Lambda takes the snapshot after the handler is constructed; whatever ran
 * before it (classes loaded, JIT-free interpretation warmed, SDK clients built) is restored instead
 * of redone. Beside what the constructor builds, the primers registered here run in
 * {@code beforeCheckpoint} (the CRaC hook AWS documents for SnapStart): they exercise Jackson, the
 * SDK's request marshalling and the token codec without touching data, without a network call and
 * without reading the token secret — a secret read here would be frozen into every restored
 * container, and a connection opened here would be stale after the restore.
 *
 * <p>A failing primer is logged and skipped: priming only saves time, it must never stop a version
 * from being published. Outside SnapStart (a plain JVM, the devserver) nothing calls the hook and
 * primers cost nothing.
 */
public final class Priming {
    private static final Map<String, Runnable> PRIMERS = new LinkedHashMap<>();
    /** The CRaC context may hold resources weakly: this strong reference keeps ours alive. */
    private static Resource hook;

    private Priming() {
    }

    /**
     * Adds a primer (once per name). Under SnapStart the first call registers the checkpoint hook;
     * elsewhere (on-demand Lambda, where SnapStart is off, and every local JVM) the CRaC classes are
     * not even loaded, so an ordinary cold start does not pay for them.
     */
    public static synchronized void register(String name, Runnable primer) {
        PRIMERS.putIfAbsent(name, primer);
        if (hook == null && underSnapStart()) {
            hook = new CheckpointHook();
            Core.getGlobalContext().register(hook);
        }
    }

    /** Runs the primers before the snapshot; nothing to refresh after a restore (no primer keeps time, secrets or connections). */
    private static final class CheckpointHook implements Resource {
        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            primeNow();
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
        }
    }

    /** Lambda tells the init phase how it was started: {@code snap-start} while it builds a snapshot. */
    static boolean underSnapStart() {
        return "snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"));
    }

    /** Runs every primer: what {@code beforeCheckpoint} does (the cold-start benchmark calls it to stand in for a snapshot). */
    public static void primeNow() {
        List<Map.Entry<String, Runnable>> primers;
        synchronized (Priming.class) {
            primers = List.copyOf(PRIMERS.entrySet());
        }
        for (var primer : primers) {
            long started = System.nanoTime();
            try {
                primer.getValue().run();
                JsonLog.info("priming.done", "primer", primer.getKey(), "ms", (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException | LinkageError failure) {
                JsonLog.error("priming.failed", failure, "primer", primer.getKey());
            }
        }
    }

    /** The primers registered so far, by name (for tests). */
    static synchronized List<String> names() {
        return List.copyOf(PRIMERS.keySet());
    }

    /** A response and a request body through the one mapper: serializers, record binding, time format. */
    static void json() {
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("status", "ok");
        sample.put("at", Instant.EPOCH);
        sample.put("items", List.of(Map.of("id", "x", "n", 1)));
        String written = Json.write(sample);
        Sample parsed = Json.readBody("{\"name\":\"样例\",\"version\":1,\"tags\":[\"a\"]}", Sample.class);
        if (written.isEmpty() || parsed.version() != 1) {
            throw new IllegalStateException("JSON priming gave an unexpected result");
        }
    }

    record Sample(String name, Long version, List<String> tags) {
    }
}
