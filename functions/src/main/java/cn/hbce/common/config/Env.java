package cn.hbce.common.config;

import java.util.Optional;

/**
 * Reads the function's configuration. On Lambda it is the environment that template.yaml sets;
 * the devserver, which hosts every function in one JVM, supplies the same names as system properties.
 */
public final class Env {
    private Env() {
    }

    public static Optional<String> optional(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    public static String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException("Missing configuration: " + name));
    }
}
