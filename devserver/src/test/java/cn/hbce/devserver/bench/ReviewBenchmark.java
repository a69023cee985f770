package cn.hbce.devserver.bench;

import static cn.hbce.devserver.bench.BenchApi.awaitCount;
import static cn.hbce.devserver.bench.BenchApi.diff;
import static cn.hbce.devserver.bench.BenchApi.freePort;
import static cn.hbce.devserver.bench.BenchApi.get;
import static cn.hbce.devserver.bench.BenchApi.getRaw;
import static cn.hbce.devserver.bench.BenchApi.login;
import static cn.hbce.devserver.bench.BenchApi.post;

import cn.hbce.AppContext;
import cn.hbce.account.LoginGuard;
import cn.hbce.account.Person;
import cn.hbce.account.PersonRegistration;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.bootstrap.Bootstrap;
import cn.hbce.common.Ids;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.devserver.DevServer;
import cn.hbce.devserver.DevServerConfig;
import cn.hbce.devserver.e2e.TestData;
import cn.hbce.org.OrgType;
import cn.hbce.review.adapter.DynamoReviewRepository;
import cn.hbce.review.Review;
import cn.hbce.review.ReviewKind;
import cn.hbce.review.ReviewService;
import cn.hbce.review.ReviewStatus;
import cn.hbce.review.ReviewStep;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * The review engine's benchmark (not a test). Run:
 * {@code mvn -q -o -pl devserver test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=cn.hbce.devserver.bench.ReviewBenchmark} (sizes: -Dapprovals=1000 -Dbatch=100 -Dqueue=10000).
 * <ol>
 * <li>Approving 1,000 pending person registrations through POST /v1/reviews/decisions in batches of
 * 100 on the devserver: wall time of the API calls and until every approval's effect is applied;
 * DynamoDB calls counted by operation at a counting TCP proxy in front of dynalite (the
 * devserver's DynamoDB IAM gate forwards to it, HBCE_DYNAMODB_UPSTREAM, so every call of the
 * handlers, the authorizer and the workflow's Lambdas passes through it); Step Functions events and state
 * transitions from GetExecutionHistory of a sample of executions.</li>
 * <li>List and to-do latency (p50/p99) with 10,000 pending reviews in one department's queue,
 * seeded in-process through the review repository, and the DynamoDB calls per request.</li>
 * </ol>
 * The registrations of part 1 are made in-process as PersonRegistrationService makes them (ID claim,
 * pending person, ReviewService.submit starting the devserver's approval execution) but with one
 * password hash reused: 1,000 PBKDF2 hashes would only measure the hash.
 */
public final class ReviewBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "us-east-1";

    private ReviewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int approvals = Integer.getInteger("approvals", 1000);
        int batch = Integer.getInteger("batch", 100);
        int queueSize = Integer.getInteger("queue", 10_000);
        int samples = Integer.getInteger("samples", 200);

        int dynalitePort = freePort();
        CountingProxy proxy = CountingProxy.start(dynalitePort);
        // Every DynamoDB call (the functions', the authorizer's, the workflow's and the devserver's own)
        // passes the devserver's IAM gate, which forwards it to the counting proxy in front of dynalite.
        System.setProperty("HBCE_DYNAMODB_UPSTREAM", "http://127.0.0.1:" + proxy.port());
        DevServerConfig e = DevServerConfig.ephemeral();
        DevServerConfig config = new DevServerConfig(e.projectRoot(), 0, Optional.empty(), dynalitePort, 0, 0,
                e.rootAdminIdCard(), e.rootAdminPassword(), false);
        try (DevServer server = DevServer.start(config)) {
            URI api = server.endpoint();
            AppContext app = AppContext.get();
            String table = app.config().tableName();
            DynamoDbClient direct = DynamoDbClient.builder().endpointOverride(server.serviceEndpoints().get("DynamoDB"))
                    .region(Region.of(REGION)).httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"))).build();
            SfnClient sfn = SfnClient.builder().endpointOverride(server.serviceEndpoints().get("StepFunctions"))
                    .region(Region.of(REGION)).httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"))).build();
            DynamoReviewRepository directRepo = new DynamoReviewRepository(direct, table, app.cursors());
            String machineArn = sfn.listStateMachines().stateMachines().stream()
                    .filter(m -> m.name().toLowerCase(java.util.Locale.ROOT).contains("approval")).findFirst().orElseThrow().stateMachineArn();
            System.out.println("# ReviewBenchmark " + Instant.now() + "  cores=" + Runtime.getRuntime().availableProcessors()
                    + "  java=" + System.getProperty("java.version") + "  approvals=" + approvals + " batch=" + batch
                    + " queue=" + queueSize);

            approveThroughTheApi(api, app, directRepo, sfn, machineArn, proxy, approvals, batch);
            listAndTodoLatency(api, app, directRepo, proxy, queueSize, samples);
            direct.close();
            sfn.close();
        } finally {
            proxy.close();
        }
        System.exit(0);
    }

    // ------------------------------------------------------------------ part 1

    private static void approveThroughTheApi(URI api, AppContext app, DynamoReviewRepository directRepo, SfnClient sfn,
                                             String machineArn, CountingProxy proxy, int n, int batch) throws Exception {
        Tree t = tree(app, "批量");
        String hash = app.hasher().hash(TestData.PASSWORD);
        long seedStart = System.nanoTime();
        List<String> personIds = parallel(n, 4, i -> submitPerson(app, t, hash, i));
        awaitCount("open steps", () -> directRepo.countPending(t.deptId, ReviewKind.PERSON_REGISTRATION), n, Duration.ofMinutes(5));
        System.out.printf("%n## 1. Approving %d pending person registrations in batches of %d (POST /v1/reviews/decisions)%n", n, batch);
        System.out.printf("seeded %d registrations + opened their steps in %.1f s (in-process submit, devserver's Step Functions)%n",
                n, (System.nanoTime() - seedStart) / 1e9);

        String token = login(api, "DEPARTMENT", t.adminIdCard, TestData.PASSWORD);
        List<String> reviewIds = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get(api, "/v1/reviews?kind=PERSON_REGISTRATION&status=PENDING&limit=100"
                    + (cursor == null ? "" : "&cursor=" + enc(cursor)), token);
            page.path("items").forEach(i -> reviewIds.add(i.path("reviewId").asText()));
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        if (reviewIds.size() != n) {
            throw new IllegalStateException("expected " + n + " pending reviews, listed " + reviewIds.size());
        }

        Map<String, Long> before = proxy.snapshot();
        long start = System.nanoTime();
        long[] batchNanos = new long[(n + batch - 1) / batch];
        for (int b = 0; b * batch < n; b++) {
            List<Map<String, Object>> decisions = new ArrayList<>();
            for (String id : reviewIds.subList(b * batch, Math.min(n, (b + 1) * batch))) {
                decisions.add(Map.of("reviewId", id, "decision", "APPROVE"));
            }
            long s = System.nanoTime();
            JsonNode r = post(api, "/v1/reviews/decisions", Map.of("decisions", decisions), token);
            batchNanos[b] = System.nanoTime() - s;
            for (JsonNode result : r.path("results")) {
                if (!"DONE".equals(result.path("outcome").asText())) {
                    throw new IllegalStateException("not DONE: " + result);
                }
            }
        }
        long apiDone = System.nanoTime();
        Map<String, Long> afterApi = proxy.snapshot();
        awaitCount("running executions", () -> -running(sfn, machineArn), 0, Duration.ofMinutes(10));
        long allDone = System.nanoTime();
        Map<String, Long> after = proxy.snapshot();

        int approved = 0;
        for (int i = 0; i < personIds.size(); i += Math.max(1, n / 50)) {
            approved += app.accounts().person(personIds.get(i)).orElseThrow().registration().status() == RegistrationStatus.APPROVED ? 1 : 0;
        }
        System.out.printf("API: %d calls, total %.2f s, per batch %s, per review %.2f ms%n", batchNanos.length,
                (apiDone - start) / 1e9, new Percentiles(batchNanos).summary(), (apiDone - start) / 1e6 / n);
        System.out.printf("until every effect was applied (all executions ended): %.2f s, %.2f ms per review; sample check: %d/%d persons APPROVED%n",
                (allDone - start) / 1e9, (allDone - start) / 1e6 / n, approved, (n + Math.max(1, n / 50) - 1) / Math.max(1, n / 50));
        Map<String, Long> apiCalls = diff(before, afterApi);
        Map<String, Long> allCalls = diff(before, after);
        System.out.println("DynamoDB calls while the API calls ran (decide: authorizer BatchGetItem per request, steps Query, "
                + "step UpdateItem, audit PutItem; plus the FinishReview Lambdas that already ran meanwhile):");
        printCalls(apiCalls, n);
        System.out.println("DynamoDB calls in all, until every execution ended (FinishReview: review GetItem, person UpdateItem, "
                + "steps Query, review UpdateItem, audit PutItem):");
        printCalls(allCalls, n);
        System.out.println("Step Functions API calls per review from the decision: 1 SendTaskSuccess");

        List<String> sample = new ArrayList<>();
        for (int i = 0; i < reviewIds.size(); i += Math.max(1, n / 20)) {
            sample.add(reviewIds.get(i));
        }
        long events = 0;
        long entered = 0;
        long lambdaTasks = 0;
        Map<String, Long> types = new TreeMap<>();
        for (String id : sample) {
            String arn = machineArn.replace(":stateMachine:", ":execution:") + ":" + id;
            List<HistoryEvent> history = new ArrayList<>();
            sfn.getExecutionHistoryPaginator(r -> r.executionArn(arn)).events().forEach(history::add);
            events += history.size();
            for (HistoryEvent ev : history) {
                types.merge(ev.typeAsString(), 1L, Long::sum);
                if (ev.typeAsString().endsWith("StateEntered")) {
                    entered++;
                }
                if (ev.typeAsString().equals("TaskScheduled")) {
                    lambdaTasks++;
                }
            }
        }
        System.out.printf("Step Functions per approval (GetExecutionHistory of %d executions): %.1f history events, "
                        + "%.1f state transitions (…StateEntered events; AWS bills these), %.1f Lambda tasks%n",
                sample.size(), (double) events / sample.size(), (double) entered / sample.size(), (double) lambdaTasks / sample.size());
        StringBuilder perType = new StringBuilder("  event types per execution:");
        types.forEach((k, v) -> perType.append(String.format(" %s=%.1f", k, (double) v / sample.size())));
        System.out.println(perType);
    }

    private static String submitPerson(AppContext app, Tree t, String hash, int i) {
        Instant now = Instant.now();
        String idCard = TestData.idCard();
        String personId = Ids.newId("p");
        if (!app.accounts().claimIdCard(idCard, personId)) {
            throw new IllegalStateException("ID number taken: " + i);
        }
        String name = "压测人员" + i;
        app.accounts().createPerson(new Person(personId, idCard, name, TestData.phone(), hash,
                new PersonRegistration(t.unitId, RegistrationStatus.PENDING, "卫生技术人员", "中级"),
                false, false, LoginGuard.CLEAR, 1, now));
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("personId", personId);
        subject.put("name", name);
        subject.put("idCardMasked", idCard.substring(0, 4) + "**********" + idCard.substring(14));
        subject.put("unitOrgId", t.unitId);
        subject.put("unitName", t.unitName);
        subject.put("titleSeries", "卫生技术人员");
        subject.put("titleLevel", "中级");
        app.reviews().submit(new ReviewService.Submission(ReviewKind.PERSON_REGISTRATION, personId, subject,
                new LinkedHashMap<>(subject), name + " " + t.unitName, List.of(List.of(t.deptId))),
                new AuditContext("bench", "127.0.0.1", personId, t.unitId));
        return personId;
    }

    private static long running(SfnClient sfn, String machineArn) {
        long count = 0;
        for (ExecutionListItem ignored : sfn.listExecutionsPaginator(r -> r.stateMachineArn(machineArn)
                .statusFilter(ExecutionStatus.RUNNING).maxResults(1000)).executions()) {
            count++;
        }
        return count;
    }

    // ------------------------------------------------------------------ part 2

    private static void listAndTodoLatency(URI api, AppContext app, DynamoReviewRepository directRepo, CountingProxy proxy,
                                           int size, int samples) throws Exception {
        Tree t = tree(app, "万条");
        long seedStart = System.nanoTime();
        Instant base = Instant.now().minusSeconds(size);
        parallel(size, 8, i -> {
            String reviewId = Ids.newId("r");
            String personId = Ids.newId("p");
            Instant at = base.plusSeconds(i);
            Map<String, Object> subject = new LinkedHashMap<>();
            subject.put("personId", personId);
            subject.put("name", "队列人员" + i);
            subject.put("idCardMasked", "4201**********" + String.format("%04d", i % 10000));
            subject.put("unitOrgId", t.unitId);
            subject.put("unitName", t.unitName);
            subject.put("titleSeries", "卫生技术人员");
            subject.put("titleLevel", "中级");
            String search = "队列人员" + i + " " + t.unitName;
            directRepo.create(new Review(reviewId, ReviewKind.PERSON_REGISTRATION, ReviewStatus.PENDING, personId, subject,
                    subject, search, List.of(List.of(t.deptId)), personId, at, null));
            directRepo.openStep(new ReviewStep(reviewId, 0, t.deptId, ReviewKind.PERSON_REGISTRATION, ReviewStatus.PENDING,
                    "bench-token-" + i, subject, search, at, null, null, null));
            return reviewId;
        });
        System.out.printf("%n## 2. List and to-do latency with %d pending reviews in one queue%n", size);
        System.out.printf("seeded %d reviews (review + step items) in %.1f s through DynamoReviewRepository%n", size,
                (System.nanoTime() - seedStart) / 1e9);
        String token = login(api, "DEPARTMENT", t.adminIdCard, TestData.PASSWORD);
        // the 2nd page's cursor, for a "next page" request
        JsonNode first = get(api, "/v1/reviews?limit=20", token);
        String cursor = first.path("nextCursor").asText();

        measure(api, token, proxy, "GET /v1/todo", "/v1/todo", samples);
        measure(api, token, proxy, "GET /v1/reviews (limit 20, first page)", "/v1/reviews", samples);
        measure(api, token, proxy, "GET /v1/reviews?limit=20&cursor=<page 2>", "/v1/reviews?limit=20&cursor=" + enc(cursor), samples);
        measure(api, token, proxy, "GET /v1/reviews?kind=PERSON_REGISTRATION&status=PENDING&limit=100",
                "/v1/reviews?kind=PERSON_REGISTRATION&status=PENDING&limit=100", samples);
        measure(api, token, proxy, "GET /v1/reviews?status=PENDING&from=&to= (the newest 100 s: 100 reviews)",
                "/v1/reviews?status=PENDING&limit=100&from=" + enc(base.plusSeconds(size - 100L).toString().replace("Z", "+00:00"))
                        + "&to=" + enc(base.plusSeconds(size).toString().replace("Z", "+00:00")), samples);
        measure(api, token, proxy, "GET /v1/reviews?q=<matches 1 of " + size + ">", "/v1/reviews?q=" + enc("队列人员" + (size / 2)),
                Math.max(10, samples / 10));
        measure(api, token, proxy, "GET /v1/reviews?q=<matches none>", "/v1/reviews?q=" + enc("不存在"), Math.max(10, samples / 10));
    }

    private static void measure(URI api, String token, CountingProxy proxy, String label, String path, int samples) throws Exception {
        for (int i = 0; i < Math.max(5, samples / 10); i++) {
            getRaw(api, path, token);
        }
        long[] nanos = new long[samples];
        Map<String, Long> before = proxy.snapshot();
        int items = -1;
        for (int i = 0; i < samples; i++) {
            long s = System.nanoTime();
            HttpResponse<String> r = getRaw(api, path, token);
            nanos[i] = System.nanoTime() - s;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(label + ": " + r.statusCode() + " " + r.body());
            }
            if (i == 0) {
                JsonNode body = JSON.readTree(r.body());
                items = body.has("items") ? body.path("items").size() : -1;
                if (body.has("total")) {
                    items = (int) body.path("total").asLong();
                }
            }
        }
        Map<String, Long> calls = diff(before, proxy.snapshot());
        long total = calls.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("%-66s %s  (answer: %d %s; DynamoDB calls/request %.1f %s)%n", label, new Percentiles(nanos).summary(),
                items, path.startsWith("/v1/todo") ? "total" : "items", (double) total / samples, perRequest(calls, samples));
    }

    // ------------------------------------------------------------------ setup helpers

    private record Tree(String deptId, String unitId, String unitName, String adminIdCard) {
    }

    private static Tree tree(AppContext app, String tag) {
        String suffix = tag + System.nanoTime();
        String deptId = "o_bench_dept_" + suffix.hashCode();
        String unitId = "o_bench_unit_" + suffix.hashCode();
        String adminIdCard = TestData.idCard();
        app.bootstrap().ensureOrg(deptId, OrgType.DEPARTMENT, "压测部门" + tag, TestData.creditCode(), Bootstrap.ROOT_ORG_ID,
                "027-86000000", new Bootstrap.Account(adminIdCard, "压测管理员", TestData.phone(), TestData.PASSWORD));
        String unitName = "压测单位" + tag;
        app.bootstrap().ensureOrg(unitId, OrgType.UNIT, unitName, TestData.creditCode(), deptId, "027-86000001",
                new Bootstrap.Account(TestData.idCard(), "压测单位管理员", TestData.phone(), TestData.PASSWORD));
        return new Tree(deptId, unitId, unitName, adminIdCard);
    }

    interface Task {
        String run(int i) throws Exception;
    }

    private static List<String> parallel(int n, int threads, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.run(index)));
            }
            List<String> out = new ArrayList<>();
            for (Future<String> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void printCalls(Map<String, Long> calls, int reviews) {
        long total = calls.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("  total %d = %.2f per review %s%n", total, (double) total / reviews, perRequest(calls, reviews));
    }

    private static String perRequest(Map<String, Long> calls, int divisor) {
        StringBuilder sb = new StringBuilder("[");
        calls.forEach((op, c) -> sb.append(sb.length() > 1 ? ", " : "").append(op).append(' ')
                .append(String.format("%.2f", (double) c / divisor)));
        return sb.append(']').toString();
    }

    // ------------------------------------------------------------------ HTTP

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ the counting proxy

    /**
     * A TCP proxy on 127.0.0.1 in front of dynalite that counts requests by their X-Amz-Target
     * header (DynamoDB_20120810.&lt;Operation&gt;) in the client-to-server stream.
     */
    static final class CountingProxy implements AutoCloseable {
        private static final Pattern TARGET = Pattern.compile("(?i)X-Amz-Target:\\s*DynamoDB_20120810\\.([A-Za-z]+)\\r\\n");
        private final ServerSocket server;
        private final int targetPort;
        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "dynamo-proxy");
            t.setDaemon(true);
            return t;
        });
        private final AtomicInteger connections = new AtomicInteger();

        private CountingProxy(ServerSocket server, int targetPort) {
            this.server = server;
            this.targetPort = targetPort;
        }

        static CountingProxy start(int targetPort) throws IOException {
            ServerSocket s = new ServerSocket();
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            CountingProxy p = new CountingProxy(s, targetPort);
            p.pool.submit(p::acceptLoop);
            return p;
        }

        int port() {
            return server.getLocalPort();
        }

        Map<String, Long> snapshot() {
            Map<String, Long> out = new TreeMap<>();
            counts.forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }

        private void acceptLoop() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    client.setTcpNoDelay(true);
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    upstream.setTcpNoDelay(true);
                    connections.incrementAndGet();
                    pool.submit(() -> pump(client, upstream, true));
                    pool.submit(() -> pump(upstream, client, false));
                } catch (IOException e) {
                    if (server.isClosed()) {
                        return;
                    }
                }
            }
        }

        private void pump(Socket from, Socket to, boolean count) {
            byte[] buf = new byte[64 * 1024];
            String carry = "";
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (count) {
                        String text = carry + new String(buf, 0, n, StandardCharsets.ISO_8859_1);
                        Matcher m = TARGET.matcher(text);
                        while (m.find()) {
                            if (m.end() > carry.length()) {
                                counts.computeIfAbsent(m.group(1), k -> new LongAdder()).increment();
                            }
                        }
                        carry = text.length() > 120 ? text.substring(text.length() - 120) : text;
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException closed) {
                // either side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            pool.shutdownNow();
        }
    }
}
