package cn.hbce.devserver.bench;

import cn.hbce.bootstrap.Bootstrap;
import cn.hbce.devserver.DevServer;
import cn.hbce.devserver.DevServerConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The walking skeleton's benchmark (not a test). Run:
 * {@code mvn -q -pl devserver -am -DskipTests install && mvn -q -pl devserver exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=cn.hbce.devserver.bench.SkeletonBenchmark}
 * <ol>
 * <li>cold init in fresh JVMs: a trivial handler, HealthFunction, the authorizer, GetOrgFunction and
 * DecideReviewsFunction (talk to DynamoDB), each also with the SnapStart priming run before the request;</li>
 * <li>warm p50/p99 through the devserver: login; GET /v1/org interleaved with a raw dynalite GetItem
 * (and one through the IAM gate), after a warm-up that lasts until the JIT is idle; health.</li>
 * </ol>
 */
public final class SkeletonBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SkeletonBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int coldRuns = Integer.parseInt(System.getProperty("coldRuns", "5"));
        int loginRuns = Integer.parseInt(System.getProperty("loginRuns", "100"));
        int readRuns = Integer.parseInt(System.getProperty("readRuns", "3000"));
        // Each function runs in a class loader of its own, so the JIT compiles Jackson and the SDK once
        // per function: a few hundred requests leave C2 busy (and the tail long) well into the measurement.
        int warmups = Integer.parseInt(System.getProperty("warmups", "5000"));
        DevServerConfig config = DevServerConfig.ephemeral();
        try (DevServer server = DevServer.start(config)) {
            if (Boolean.getBoolean("bypassGate")) {
                bypassGate(server);
            }
            URI api = server.endpoint();
            String token = login(api, config).path("token").asText();
            JsonNode me = get(api, "/v1/me", token);
            String personId = me.path("personId").asText();

            System.out.println("# Cold start (fresh JVM, no SnapStart; classes from " + functionJar().map(j -> "the shaded function jar").orElse("the benchmark classpath") + "): median of " + coldRuns
                    + " runs; columns: JVM start→first answer, handler init, first invocation, priming (ms)");
            String decide = "{\"decisions\":[{\"reviewId\":\"r_bench_none\",\"decision\":\"APPROVE\"}]}";
            Map<String, List<String>> probes = new java.util.LinkedHashMap<>();
            probes.put("trivial handler", List.of("false", TrivialHandler.class.getName()));
            // -Dprimed=false leaves out the primed probes (e.g. to measure a build without priming).
            for (String prime : Boolean.parseBoolean(System.getProperty("primed", "true")) ? List.of("false", "true")
                    : List.of("false")) {
                String suffix = prime.equals("true") ? " primed" : "";
                probes.put("HealthFunction" + suffix, List.of(prime, "cn.hbce.health.HealthFunction", "GET", "/v1/health"));
                probes.put("Authorizer" + suffix, List.of(prime, "cn.hbce.auth.AuthorizerFunction", "authorizer", token));
                probes.put("GetOrgFunction" + suffix, List.of(prime, "cn.hbce.org.GetOrgFunction", "GET", "/v1/org",
                        personId, Bootstrap.ROOT_ORG_ID));
                probes.put("DecideReviews" + suffix, List.of(prime, "cn.hbce.review.DecideReviewsFunction", "POST",
                        "/v1/reviews/decisions", personId, Bootstrap.ROOT_ORG_ID, decide));
            }
            // Round-robin: every probe sees the same share of whatever else the machine is doing.
            Map<String, List<double[]>> results = new java.util.LinkedHashMap<>();
            for (int i = 0; i < coldRuns; i++) {
                for (var probe : probes.entrySet()) {
                    List<String> handlerAndArgs = probe.getValue().subList(1, probe.getValue().size());
                    results.computeIfAbsent(probe.getKey(), k -> new ArrayList<>()).add(coldStart(probe.getKey(),
                            Boolean.parseBoolean(probe.getValue().get(0)), handlerAndArgs,
                            environmentOf(server, handlerAndArgs.get(0))));
                }
            }
            results.forEach(SkeletonBenchmark::printMedians);

            System.out.println("# Warm latency through the devserver (sequential requests)");
            // Login first: its password hashes (~3 s of CPU for 20) must not fall between warm-up and measurement.
            System.out.println("POST /v1/auth/login   " + measure(loginRuns, () -> login(api, config)).summary());
            Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("ORG#" + Bootstrap.ROOT_ORG_ID),
                    "SK", AttributeValue.fromS("META"));
            // The same GetItem straight to dynalite, and through the IAM gate checked against
            // GetOrgFunction's policies (as every call of the route is; on AWS, IAM checks every call).
            DynamoDbClient direct = dynamo(server.unguardedEndpoints().get("DynamoDB"), "x");
            DynamoDbClient gated = dynamo(server.serviceEndpoints().get("DynamoDB"), "GetOrgFunction");
            Call org = () -> get(api, "/v1/org", token);
            Call getItem = () -> direct.getItem(r -> r.tableName("hbce-table").key(key).consistentRead(true));
            Call gatedGetItem = () -> gated.getItem(r -> r.tableName("hbce-table").key(key).consistentRead(true));
            for (Call call : List.of(org, getItem, gatedGetItem)) {
                warmup(call, warmups);
            }
            System.out.println("# warm-up: " + warmups + " of each, then " + warmUntilJitIdle(List.of(org, getItem, gatedGetItem))
                    + " more rounds of 500 until the JIT compiled nothing in a round");
            // Interleaved, request by request: the route and its baseline see the same machine (the
            // JIT, the collector, dynalite), so their ratio does not depend on what ran when.
            List<Percentiles> rows = interleave(readRuns, List.of(org, getItem, gatedGetItem));
            System.out.println("GET  /v1/org          " + rows.get(0).summary());
            System.out.println("dynalite GetItem      " + rows.get(1).summary());
            System.out.println("  via gate, checked   " + rows.get(2).summary());
            System.out.printf("GET /v1/org ÷ GetItem: p50 %.2f×, p99 %.2f× (÷ checked GetItem: p50 %.2f×, p99 %.2f×)%n",
                    rows.get(0).p(50) / rows.get(1).p(50), rows.get(0).p(99) / rows.get(1).p(99),
                    rows.get(0).p(50) / rows.get(2).p(50), rows.get(0).p(99) / rows.get(2).p(99));
            // The local gateway and one in-process invocation without the authorizer or DynamoDB.
            warmup(() -> get(api, "/v1/health", null), warmups);
            System.out.println("GET  /v1/health       " + measure(readRuns, () -> get(api, "/v1/health", null)).summary());
            DynamoDbClient unchecked = dynamo(server.serviceEndpoints().get("DynamoDB"), "x");
            warmup(() -> unchecked.getItem(r -> r.tableName("hbce-table").key(key)), warmups);
            System.out.println("  via gate, unchecked " + measure(readRuns,
                    () -> unchecked.getItem(r -> r.tableName("hbce-table").key(key).consistentRead(true))).summary());
            // The authorizer's read: one consistent BatchGetItem of four keys (session, person, org, admin seat).
            List<Map<String, AttributeValue>> four = List.of(key,
                    Map.of("PK", AttributeValue.fromS("PERSON#" + personId), "SK", AttributeValue.fromS("PROFILE")),
                    Map.of("PK", AttributeValue.fromS("PERSON#" + personId), "SK", AttributeValue.fromS("SESSION#bench")),
                    Map.of("PK", AttributeValue.fromS("ORG#" + Bootstrap.ROOT_ORG_ID), "SK", AttributeValue.fromS("ADMIN#bench")));
            Call batch = () -> direct.batchGetItem(r -> r.requestItems(Map.of("hbce-table",
                    software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(four)
                            .consistentRead(true).build())));
            warmup(batch, warmups);
            System.out.println("dynalite BatchGetItem " + measure(readRuns, batch).summary() + " (4 keys)");
        }
        System.exit(0);
    }

    /**
     * {@code -DbypassGate=true}: the functions reach dynalite directly instead of through the local
     * IAM gate (which has no counterpart on AWS), so the warm rows show what a route costs beyond its
     * DynamoDB calls. Set before any function has run, so every container starts with it.
     */
    private static void bypassGate(DevServer server) {
        URI direct = server.unguardedEndpoints().get("DynamoDB");
        Map<String, Map<String, String>> environments = new java.util.LinkedHashMap<>();
        for (String function : server.functions().names()) {
            Map<String, String> env = new java.util.HashMap<>(server.functions().environment(function));
            env.put("DYNAMODB_ENDPOINT", direct.toString());
            environments.put(function, env);
        }
        server.functions().configure(environments);
        System.out.println("# Functions call dynalite directly (-DbypassGate=true): no local IAM check");
    }

    /** The function's own environment, as the devserver gives it (and Lambda would); none for the trivial handler. */
    private static Map<String, String> environmentOf(DevServer server, String handlerClass) {
        return handlerClass.startsWith("cn.hbce.") && !handlerClass.startsWith("cn.hbce.devserver.")
                ? server.functions().environment(handlerClass.substring(handlerClass.lastIndexOf('.') + 1))
                : Map.of();
    }

    /** One fresh JVM: {@code [jvmToAnswer, init, firstInvocation, priming]} in ms. */
    private static double[] coldStart(String label, boolean prime, List<String> handlerAndArgs,
                                      Map<String, String> environment) throws Exception {
        {
            List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java",
                    "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Dprime=" + prime));
            // -DprobeJvmArgs="-Xlog:class+load:file=/tmp/cl-%p.txt" profiles the probes (space-separated).
            String extra = System.getProperty("probeJvmArgs", "").trim();
            if (!extra.isEmpty()) {
                cmd.addAll(List.of(extra.split(" +")));
            }
            cmd.addAll(List.of("-cp", classpath(), ColdStartProbe.class.getName()));
            cmd.addAll(handlerAndArgs);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().putAll(environment);
            Process p = pb.start();
            String last = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    last = line;
                }
            }
            p.waitFor();
            if (last == null || !last.matches("[0-9. ]+")) {
                throw new IllegalStateException(label + " probe failed: " + last);
            }
            String[] cols = last.trim().split(" ");
            return new double[] {Double.parseDouble(cols[0]), Double.parseDouble(cols[1]), Double.parseDouble(cols[2]),
                    Double.parseDouble(cols[3])};
        }
    }

    private static void printMedians(String label, List<double[]> results) {
        double[] med = new double[4];
        for (int c = 0; c < 4; c++) {
            final int col = c;
            double[] sorted = results.stream().mapToDouble(r -> r[col]).sorted().toArray();
            med[c] = sorted[sorted.length / 2];
        }
        System.out.printf("%-22s %8.0f %8.1f %8.1f %8.1f%n", label, med[0], med[1], med[2], med[3]);
    }

    /**
     * The probe's classpath: the benchmark's own (under exec:java the context class loader's, not
     * java.class.path) without Logback. Logback reaches the devserver's classpath through S3Proxy; the
     * deployed function jar has only slf4j-api and no binding. Left in, the SDK's first log call found
     * it and parsed the devserver's logback.xml — about 500 classes and 200-300 ms that no Lambda
     * cold start pays, charged to every function that calls AWS and not to Health.
     */
    private static String classpath() {
        java.util.Optional<String> shaded = functionJar();
        if (shaded.isPresent()) {
            // As Lambda loads a function: the one shaded jar, plus the probe's own classes.
            return shaded.get() + java.io.File.pathSeparator + probeClasses();
        }
        List<String> entries = new ArrayList<>();
        if (Thread.currentThread().getContextClassLoader() instanceof java.net.URLClassLoader loader) {
            for (java.net.URL url : loader.getURLs()) {
                try {
                    entries.add(java.nio.file.Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else {
            entries.addAll(List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)));
        }
        entries.removeIf(e -> e.contains("logback"));
        return String.join(java.io.File.pathSeparator, entries);
    }

    /**
     * With {@code -DprobeJar=true}, the deployable jar ({@code functions/target/functions-*-lambda.jar},
     * from {@code mvn -pl functions -am package -DskipTests}): the probes then load classes from one
     * jar, as a Lambda container does, not from the ~180 jars of this classpath.
     */
    private static java.util.Optional<String> functionJar() {
        if (!Boolean.getBoolean("probeJar")) {
            return java.util.Optional.empty();
        }
        java.nio.file.Path target = DevServerConfig.ephemeral().projectRoot().resolve("functions/target");
        try (var files = java.nio.file.Files.list(target)) {
            return files.map(java.nio.file.Path::toString).filter(f -> f.endsWith("-lambda.jar")).findFirst();
        } catch (java.io.IOException noBuild) {
            return java.util.Optional.empty();
        }
    }

    private static String probeClasses() {
        try {
            return java.nio.file.Path.of(ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static void warmup(Call call, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            call.run();
        }
    }

    /**
     * Runs rounds of 500 of each call while the JIT still compiles (at most 60 rounds): every
     * function has a class loader of its own, so Jackson and the SDK are compiled once per function
     * and a fixed warm-up may end with C2 busy, which lengthens the measured tail. Returns the rounds run.
     */
    private static int warmUntilJitIdle(List<Call> calls) throws Exception {
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long before = -1;
        int rounds = 0;
        while (rounds < 60 && jit.getTotalCompilationTime() != before) {
            before = jit.getTotalCompilationTime();
            for (int i = 0; i < 500; i++) {
                for (Call call : calls) {
                    call.run();
                }
            }
            rounds++;
        }
        return rounds;
    }

    /** {@code times} rounds of one call of each, in turn: each call's samples. */
    private static List<Percentiles> interleave(int times, List<Call> calls) throws Exception {
        long[][] samples = new long[calls.size()][times];
        for (int i = 0; i < times; i++) {
            for (int c = 0; c < calls.size(); c++) {
                long start = System.nanoTime();
                calls.get(c).run();
                samples[c][i] = System.nanoTime() - start;
            }
        }
        List<Percentiles> rows = new ArrayList<>();
        for (long[] row : samples) {
            rows.add(new Percentiles(row));
        }
        return rows;
    }

    private static DynamoDbClient dynamo(URI endpoint, String accessKeyId) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "y"))).build();
    }

    private static Percentiles measure(int times, Call call) throws Exception {
        long[] samples = new long[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            call.run();
            samples[i] = System.nanoTime() - start;
        }
        return new Percentiles(samples);
    }

    private static JsonNode login(URI api, DevServerConfig config) throws Exception {
        String body = JSON.writeValueAsString(Map.of("userType", "HRSS", "idCard", config.rootAdminIdCard(),
                "password", config.rootAdminPassword()));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(api.resolve("/v1/auth/login"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }

    /**
     * A GET over HttpURLConnection (keep-alive): the same client stack as the raw GetItem's
     * {@code UrlConnectionHttpClient}, so the two rows compare the server side only. (The JDK's
     * HttpClient hands each answer through its selector thread: ~3 ms more at p99 on two cores.)
     */
    private static JsonNode get(URI api, String path, String token) throws Exception {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) api.resolve(path).toURL().openConnection();
        if (token != null) {
            c.setRequestProperty("authorization", "Bearer " + token);
        }
        int status = c.getResponseCode();
        try (var in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            byte[] body = in == null ? new byte[0] : in.readAllBytes();
            if (status != 200) {
                throw new IllegalStateException(path + " failed: " + status);
            }
            return JSON.readTree(body);
        }
    }
}
