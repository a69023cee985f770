package cn.hbce.devserver.template;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The Lambda Java runtimes and the day AWS deprecates each (after which new functions can no longer
 * be created with it a month later). The devserver refuses a template whose runtime is deprecated or
 * unknown, so a local run never hides that the first {@code sam deploy} would fail. Dates from the
 * Lambda runtime table (the same data cfn-lint's E2533 uses); Amazon Linux 2 runtimes end with AL2.
 */
public record LambdaJavaRuntime(String id, int javaVersion, LocalDate deprecatedOn) {
    private static final Map<String, LambdaJavaRuntime> KNOWN = Map.of(
            "java8", new LambdaJavaRuntime("java8", 8, LocalDate.of(2024, 1, 8)),
            "java8.al2", new LambdaJavaRuntime("java8.al2", 8, LocalDate.of(2026, 6, 30)),
            "java11", new LambdaJavaRuntime("java11", 11, LocalDate.of(2026, 6, 30)),
            "java17", new LambdaJavaRuntime("java17", 17, LocalDate.of(2026, 6, 30)),
            "java21", new LambdaJavaRuntime("java21", 21, LocalDate.of(2029, 6, 30)),
            "java25", new LambdaJavaRuntime("java25", 25, LocalDate.of(2029, 6, 30)));

    public static Optional<LambdaJavaRuntime> of(String id) {
        return Optional.ofNullable(KNOWN.get(id));
    }

    public boolean deprecatedAt(LocalDate day) {
        return !day.isBefore(deprecatedOn);
    }

    /**
     * The runtime with that id, if Lambda still accepts it on that day.
     *
     * @throws IllegalStateException naming the runtime and what to do, for an unknown or deprecated one
     */
    public static LambdaJavaRuntime requireSupported(String id, LocalDate today) {
        LambdaJavaRuntime runtime = of(id).orElseThrow(() -> new IllegalStateException(
                "template.yaml uses Runtime " + id + ", which is not a Lambda Java runtime this project knows; use java25"));
        if (runtime.deprecatedAt(today)) {
            throw new IllegalStateException("template.yaml uses Runtime " + id + ", deprecated by AWS Lambda since "
                    + runtime.deprecatedOn() + " (new functions cannot be created with it); use java25 and build with JDK 25");
        }
        return runtime;
    }
}
