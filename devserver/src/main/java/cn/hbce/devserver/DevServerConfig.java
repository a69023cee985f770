package cn.hbce.devserver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings of a local run, from environment variables (or system properties of the same name):
 * PORT (3000), HBCE_DATA_DIR (none: everything in memory), HBCE_DYNAMODB_PORT, HBCE_S3_PORT,
 * HBCE_SFN_PORT (0: any free port), HBCE_ROOT_ADMIN_ID_CARD / HBCE_ROOT_ADMIN_PASSWORD, HBCE_DEMO_DATA;
 * HBCE_ENV_&lt;NAME&gt; overrides a variable the template declares (see FunctionEnvironments).
 */
public record DevServerConfig(
        Path projectRoot,
        int port,
        Optional<Path> dataDir,
        int dynamoPort,
        int s3Port,
        int sfnPort,
        String rootAdminIdCard,
        String rootAdminPassword,
        boolean demoData,
        String templateFile,
        boolean seed) {

    /** The project's template.yaml, seeded with the root admin (and the demo data when {@code demoData}). */
    public DevServerConfig(Path projectRoot, int port, Optional<Path> dataDir, int dynamoPort, int s3Port, int sfnPort,
                           String rootAdminIdCard, String rootAdminPassword, boolean demoData) {
        this(projectRoot, port, dataDir, dynamoPort, s3Port, sfnPort, rootAdminIdCard, rootAdminPassword, demoData,
                "template.yaml", true);
    }

    public static final String DEFAULT_ROOT_ADMIN_ID_CARD = "420106198001010015";
    public static final String DEFAULT_ROOT_ADMIN_PASSWORD = "Hbce@Root2026";

    public static DevServerConfig fromEnvironment() {
        return new DevServerConfig(
                findProjectRoot(),
                Integer.parseInt(setting("PORT", "3000")),
                Optional.ofNullable(setting("HBCE_DATA_DIR", null)).map(Path::of),
                Integer.parseInt(setting("HBCE_DYNAMODB_PORT", "0")),
                Integer.parseInt(setting("HBCE_S3_PORT", "0")),
                Integer.parseInt(setting("HBCE_SFN_PORT", "0")),
                setting("HBCE_ROOT_ADMIN_ID_CARD", DEFAULT_ROOT_ADMIN_ID_CARD),
                setting("HBCE_ROOT_ADMIN_PASSWORD", DEFAULT_ROOT_ADMIN_PASSWORD),
                Boolean.parseBoolean(setting("HBCE_DEMO_DATA", "true")));
    }

    /** Everything on free ports and in memory: for tests. */
    public static DevServerConfig ephemeral() {
        return new DevServerConfig(findProjectRoot(), 0, Optional.empty(), 0, 0, 0,
                DEFAULT_ROOT_ADMIN_ID_CARD, DEFAULT_ROOT_ADMIN_PASSWORD, true);
    }

    public DevServerConfig withDataDir(Path dir) {
        return new DevServerConfig(projectRoot, port, Optional.of(dir), dynamoPort, s3Port, sfnPort, rootAdminIdCard,
                rootAdminPassword, demoData, templateFile, seed);
    }

    /**
     * Another template (a path relative to the project root, or absolute), e.g. a test's copy of
     * template.yaml with a statement removed; {@code seed}: create the root admin (needs the app's tables).
     */
    public DevServerConfig withTemplate(String file, boolean seed) {
        return new DevServerConfig(projectRoot, port, dataDir, dynamoPort, s3Port, sfnPort, rootAdminIdCard,
                rootAdminPassword, demoData && seed, file, seed);
    }

    public static String setting(String name, String fallback) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            v = System.getProperty(name);
        }
        return v == null || v.isBlank() ? fallback : v;
    }

    static Path findProjectRoot() {
        String configured = System.getProperty("hbce.project.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath()
                + "; run from the project directory or set -Dhbce.project.root");
    }
}
