package cn.hbce.emulator.dynamodb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds dynalite's {@code cli.js} inside the emulator module's {@code node_modules}.
 *
 * <p>Resolution order: the system property {@value #HOME_PROPERTY}, then the environment
 * variable {@value #HOME_ENV} (each naming the directory that contains {@code node_modules}),
 * then a search upward from the working directory for {@code emulator/node_modules/dynalite}
 * or {@code node_modules/dynalite}.
 */
public final class DynaliteLocator {

    public static final String HOME_PROPERTY = "hbce.emulator.home";
    public static final String HOME_ENV = "HBCE_EMULATOR_HOME";

    private static final Path PACKAGE_DIR = Path.of("node_modules", "dynalite");
    private static final String CLI = "cli.js";

    private DynaliteLocator() {
    }

    /** Locates {@code cli.js} using this JVM's system properties, environment and working directory. */
    public static Path locateCli() {
        return locateCli(
                Optional.ofNullable(System.getProperty(HOME_PROPERTY)),
                Optional.ofNullable(System.getenv(HOME_ENV)),
                Path.of("").toAbsolutePath());
    }

    static Path locateCli(Optional<String> homeProperty, Optional<String> homeEnv, Path workingDir) {
        Optional<String> explicitHome = homeProperty.filter(s -> !s.isBlank())
                .or(() -> homeEnv.filter(s -> !s.isBlank()));
        if (explicitHome.isPresent()) {
            Path cli = Path.of(explicitHome.get()).resolve(PACKAGE_DIR).resolve(CLI);
            if (Files.isRegularFile(cli)) {
                return cli.toAbsolutePath().normalize();
            }
            throw notFound(List.of(cli.toAbsolutePath().normalize()));
        }
        List<Path> tried = new ArrayList<>();
        for (Path dir = workingDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(
                    dir.resolve("emulator").resolve(PACKAGE_DIR).resolve(CLI),
                    dir.resolve(PACKAGE_DIR).resolve(CLI))) {
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
                tried.add(candidate);
            }
        }
        throw notFound(tried);
    }

    private static IllegalStateException notFound(List<Path> tried) {
        String where = tried.size() <= 4 ? String.valueOf(tried)
                : tried.subList(0, 4) + " and " + (tried.size() - 4) + " more locations upward";
        return new IllegalStateException("dynalite is not installed (looked for " + where + "). "
                + "Run `mvn -pl emulator generate-resources` (or any Maven build of the emulator module) from the "
                + "repository root; it runs `npm ci` in emulator/. Or set -D" + HOME_PROPERTY + " / " + HOME_ENV
                + " to the directory containing node_modules/dynalite.");
    }
}
