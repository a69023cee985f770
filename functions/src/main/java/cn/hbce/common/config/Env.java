package cn.hbce.common.config;

import java.util.Map;
import java.util.Optional;

/**
 * Reads the function's configuration: on Lambda, the environment that template.yaml sets. A local
 * host that runs several functions in one JVM (the devserver gives each its own class loader, so
 * each has its own copy of this class) hands each copy exactly that function's environment through
 * {@link #supply}; from then on only that map is read, never the process environment or system
 * properties, so a function cannot see a variable another function declares.
 */
public final class Env {
    private static volatile Map<String, String> supplied;

    private Env() {
    }

    /**
     * Replaces the process environment by {@code environment} for this copy of the class. Called
     * by a local host before the function's handler is created; never on Lambda.
     */
    public static void supply(Map<String, String> environment) {
        supplied = Map.copyOf(environment);
    }

    /** Whether a local host supplied the environment (and so, for example, the function's local identity). */
    public static boolean isSupplied() {
        return supplied != null;
    }

    public static Optional<String> optional(String name) {
        Map<String, String> local = supplied;
        String value = local != null ? local.get(name) : System.getenv(name);
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    public static String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException("Missing configuration: " + name
                + (isSupplied() ? " (not in this function's Environment in template.yaml)" : "")));
    }
}
