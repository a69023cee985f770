package cn.hbce.devserver;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the platform locally: {@code mvn -q -DskipTests -Prun verify}. Flags:
 * {@code --fire-schedule FunctionId} runs a scheduled function once and exits.
 */
public final class DevServerMain {
    private DevServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Instant started = Instant.now();
        DevServerConfig config = DevServerConfig.fromEnvironment();
        DevServer server = DevServer.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "devserver-stop"));
        if (args.length == 2 && args[0].equals("--fire-schedule")) {
            int status = 0;
            try {
                System.out.println(server.fireSchedule(args[1]));
            } catch (IllegalArgumentException unknown) {
                System.err.println(unknown.getMessage());
                status = 2;
            } finally {
                server.close();
            }
            System.exit(status);
        }
        System.out.println();
        System.out.println("湖北省专业技术人员继续教育公共服务平台 - local backend");
        System.out.println("  Console        " + server.endpoint() + "/" + (java.nio.file.Files.isRegularFile(
                config.projectRoot().resolve("console/dist/index.html")) ? "" : "  (not built: cd console && npm ci && npm run build)"));
        System.out.println("  API            " + server.endpoint() + "/v1/health");
        System.out.println("  Runtime        " + server.runtime() + " (template.yaml), served on JDK " + Runtime.version());
        server.serviceEndpoints().forEach((name, uri) -> System.out.printf("  %-14s %s%n", name, uri));
        System.out.println("  Data           " + config.dataDir().map(Object::toString).orElse("in memory (set HBCE_DATA_DIR to keep it)"));
        System.out.println("  Schedules      POST " + server.endpoint() + "/_local/schedules/{FunctionId}");
        System.out.println();
        System.out.println("Accounts (userType / ID number / password):");
        System.out.printf("  %-10s %s  %s  %s%n", "HRSS", config.rootAdminIdCard(),
                config.rootAdminPassword(), "湖北省人力资源和社会保障厅 超级管理员");
        server.demoAccounts().forEach(a ->
                System.out.printf("  %-10s %s  %s  %s%n", a.userType(), a.idCard(), a.password(), a.description()));
        if (!server.demoAccounts().isEmpty()) {
            // The demo tree is written directly, not through the events that bump the live counters:
            // one statistics run (what the nightly schedule does) gives 查询统计 its figures.
            try {
                server.fireSchedule("StartScheduledStatsFunction.Nightly");
                System.out.println("Statistics: a first run over the demo data has started (查询统计 shows it in a few seconds).");
            } catch (Exception notStarted) {
                System.err.println("Statistics: the first run over the demo data did not start: " + notStarted.getMessage());
            }
        }
        System.out.println();
        System.out.println("Ready in " + Duration.between(started, Instant.now()).toMillis() + " ms. Ctrl-C stops.");
        new CountDownLatch(1).await();
    }
}
