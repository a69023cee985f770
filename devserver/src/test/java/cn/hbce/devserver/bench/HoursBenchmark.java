package cn.hbce.devserver.bench;

import static cn.hbce.devserver.bench.BenchApi.awaitCount;
import static cn.hbce.devserver.bench.BenchApi.diff;
import static cn.hbce.devserver.bench.BenchApi.freePort;
import static cn.hbce.devserver.bench.BenchApi.login;
import static cn.hbce.devserver.bench.BenchApi.send;

import cn.hbce.AppContext;
import cn.hbce.bootstrap.Bootstrap;
import cn.hbce.common.aws.Item;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.devserver.DevServer;
import cn.hbce.devserver.DevServerConfig;
import cn.hbce.devserver.e2e.TestData;
import cn.hbce.hours.ClaimService;
import cn.hbce.org.OrgType;
import cn.hbce.review.adapter.DynamoReviewRepository;
import cn.hbce.review.ReviewKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Hours (issue 12): (1) approving a 500-trainee declaration — from the department's decision until
 * the declaration is applied, with the DynamoDB calls counted by {@link ReviewBenchmark.CountingProxy};
 * (2) 1,000 person claims through both stages (unit 初审, department 复审) in batches of 100 through
 * {@code POST /v1/reviews/decisions}, until every record is APPROVED.
 * <pre>
 * mvn -q -pl devserver -am test-compile
 * mvn -q -pl devserver exec:java -Dexec.classpathScope=test -Dexec.mainClass=cn.hbce.devserver.bench.HoursBenchmark
 * </pre>
 * Trainees and claimants are stored directly (no login, no password hashing); the claims are
 * submitted in-process through ClaimService (the route's use case); everything measured goes through the API.
 */
public final class HoursBenchmark {
    private static final int YEAR = LocalDate.now(ZoneOffset.ofHours(8)).getYear();

    private HoursBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int trainees = Integer.getInteger("trainees", 500);
        int claims = Integer.getInteger("claims", 1000);
        int batch = Integer.getInteger("batch", 100);
        int dynalitePort = freePort();
        ReviewBenchmark.CountingProxy proxy = ReviewBenchmark.CountingProxy.start(dynalitePort);
        System.setProperty("HBCE_DYNAMODB_UPSTREAM", "http://127.0.0.1:" + proxy.port());
        DevServerConfig e = DevServerConfig.ephemeral();
        DevServerConfig config = new DevServerConfig(e.projectRoot(), 0, Optional.empty(), dynalitePort, 0, 0,
                e.rootAdminIdCard(), e.rootAdminPassword(), false);
        try (DevServer server = DevServer.start(config)) {
            URI api = server.endpoint();
            AppContext app = AppContext.get();
            DynamoDbClient direct = DynamoDbClient.builder().endpointOverride(server.serviceEndpoints().get("DynamoDB"))
                    .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"))).build();
            System.out.println("# HoursBenchmark " + Instant.now() + "  cores=" + Runtime.getRuntime().availableProcessors()
                    + "  java=" + System.getProperty("java.version") + "  trainees=" + trainees + " claims=" + claims + " batch=" + batch);
            String deptAdmin = TestData.idCard();
            String unitAdmin = TestData.idCard();
            String baseAdmin = TestData.idCard();
            String dept = "o_bench_hours_dept_" + System.nanoTime();
            String unit = dept.replace("dept", "unit");
            String base = dept.replace("dept", "base");
            app.bootstrap().ensureOrg(dept, OrgType.DEPARTMENT, "学时压测部门", TestData.creditCode(), Bootstrap.ROOT_ORG_ID,
                    "027-86000000", new Bootstrap.Account(deptAdmin, "压测部门管理员", TestData.phone(), TestData.PASSWORD));
            app.bootstrap().ensureOrg(unit, OrgType.UNIT, "学时压测单位", TestData.creditCode(), dept, "027-86000001",
                    new Bootstrap.Account(unitAdmin, "压测单位管理员", TestData.phone(), TestData.PASSWORD));
            app.bootstrap().ensureOrg(base, OrgType.BASE, "学时压测基地", TestData.creditCode(), dept, "027-86000002",
                    new Bootstrap.Account(baseAdmin, "压测基地管理员", TestData.phone(), TestData.PASSWORD));
            String deptToken = login(api, "DEPARTMENT", deptAdmin, TestData.PASSWORD);
            String unitToken = login(api, "UNIT", unitAdmin, TestData.PASSWORD);
            String baseToken = login(api, "BASE", baseAdmin, TestData.PASSWORD);
            DynamoReviewRepository reviews = new DynamoReviewRepository(direct, app.config().tableName(), app.cursors());

            declaration(api, app, direct, proxy, reviews, unit, dept, baseToken, deptToken, trainees);
            claims(api, app, direct, proxy, reviews, unit, dept, unitToken, deptToken, claims, batch);
            direct.close();
        } finally {
            proxy.close();
        }
        System.exit(0);
    }

    private static void declaration(URI api, AppContext app, DynamoDbClient direct, ReviewBenchmark.CountingProxy proxy,
                                    DynamoReviewRepository reviews, String unit, String dept, String baseToken,
                                    String deptToken, int n) throws Exception {
        List<String[]> people = seed(direct, app.config().tableName(), unit, n, "学员");
        List<Map<String, Object>> rows = new ArrayList<>();
        people.forEach(p -> rows.add(Map.of("idCard", p[1], "name", p[2])));
        long s0 = System.nanoTime();
        JsonNode declared = send(api, "POST", "/v1/hours/declarations", Map.of("year", YEAR, "category", "PROFESSIONAL",
                "activityType", "TRAINING", "courseTitle", "压测培训班", "hours", 24, "startDate", YEAR + "-04-01",
                "endDate", YEAR + "-04-03", "trainees", rows), baseToken, 201);
        long declareNanos = System.nanoTime() - s0;
        String reviewId = declared.path("reviewId").asText();
        String declarationId = declared.path("declarationId").asText();
        awaitCount("declaration step open", () -> reviews.countPending(dept, ReviewKind.HOURS_DECLARATION), 1, Duration.ofMinutes(2));
        Map<String, Long> before = proxy.snapshot();
        long start = System.nanoTime();
        send(api, "POST", "/v1/reviews/decisions", Map.of("decisions", List.of(Map.of("reviewId", reviewId, "decision", "APPROVE"))),
                deptToken, 200);
        awaitCount("declaration applied", () -> Item.of(direct.getItem(g -> g.tableName(app.config().tableName())
                .key(Item.key("HOURSDECL#" + declarationId, "META")).consistentRead(true)).item()).bool("applied") ? 1 : 0,
                1, Duration.ofMinutes(5));
        long applied = System.nanoTime() - start;
        Map<String, Long> calls = diff(before, proxy.snapshot());
        System.out.printf("%n## 1. A %d-trainee declaration%n", n);
        System.out.printf("POST /v1/hours/declarations (%d trainees checked): %.2f s; accepted %d%n", n, declareNanos / 1e9,
                declared.path("accepted").asInt());
        System.out.printf("decision → every record written and the declaration marked applied: %.2f s%n", applied / 1e9);
        System.out.println("DynamoDB calls from the decision to the end: " + calls);
    }

    private static void claims(URI api, AppContext app, DynamoDbClient direct, ReviewBenchmark.CountingProxy proxy,
                               DynamoReviewRepository reviews, String unit, String dept, String unitToken, String deptToken,
                               int n, int batch) throws Exception {
        List<String[]> people = seed(direct, app.config().tableName(), unit, n, "申报人");
        long s0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> submitted = new ArrayList<>();
        for (String[] p : people) {
            submitted.add(pool.submit(() -> {
                Actor actor = new Actor(p[0], "s_bench", "PERSON", unit, null, false, Set.of(), true, false);
                return app.hoursClaims().claim(actor, new ClaimService.ClaimInput(YEAR, "PROFESSIONAL", "TRAINING", "压测研修",
                        12.0, YEAR + "-05-01", YEAR + "-05-02", null, List.of()),
                        new AuditContext("bench", "127.0.0.1", p[0], unit)).reviewId();
            }));
        }
        List<String> reviewIds = new ArrayList<>();
        for (Future<String> f : submitted) {
            reviewIds.add(f.get());
        }
        pool.shutdown();
        awaitCount("unit steps open", () -> reviews.countPending(unit, ReviewKind.HOURS_CLAIM), n, Duration.ofMinutes(10));
        System.out.printf("%n## 2. %d claims through both stages, batches of %d%n", n, batch);
        System.out.printf("seeded %d claims in-process and opened their unit steps in %.1f s%n", n, (System.nanoTime() - s0) / 1e9);

        Map<String, Long> before = proxy.snapshot();
        long start = System.nanoTime();
        long[] first = decideAll(api, unitToken, reviewIds, batch);
        long firstDone = System.nanoTime();
        awaitCount("department steps open", () -> reviews.countPending(dept, ReviewKind.HOURS_CLAIM), n, Duration.ofMinutes(10));
        long opened = System.nanoTime();
        long[] second = decideAll(api, deptToken, reviewIds, batch);
        long secondDone = System.nanoTime();
        awaitCount("every claim approved", () -> reviewIds.stream().filter(id -> reviews.get(id).orElseThrow().status().name()
                .equals("APPROVED")).count(), n, Duration.ofMinutes(10));
        long allDone = System.nanoTime();
        Map<String, Long> calls = diff(before, proxy.snapshot());
        System.out.printf("初审 (unit): %.2f s through the API, per batch %s%n", (firstDone - start) / 1e9, new Percentiles(first).summary());
        System.out.printf("until every 复审 step was open: %.2f s more%n", (opened - firstDone) / 1e9);
        System.out.printf("复审 (department): %.2f s through the API, per batch %s%n", (secondDone - opened) / 1e9,
                new Percentiles(second).summary());
        System.out.printf("from the first decision until every record was APPROVED: %.2f s (%.1f ms per claim)%n",
                (allDone - start) / 1e9, (allDone - start) / 1e6 / n);
        long total = calls.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("DynamoDB calls (both stages, effects, and this benchmark's polling): %d = %.1f per claim %s%n",
                total, (double) total / n, calls);
    }

    private static long[] decideAll(URI api, String token, List<String> reviewIds, int batch) throws Exception {
        long[] nanos = new long[(reviewIds.size() + batch - 1) / batch];
        for (int b = 0; b * batch < reviewIds.size(); b++) {
            List<Map<String, Object>> decisions = new ArrayList<>();
            for (String id : reviewIds.subList(b * batch, Math.min(reviewIds.size(), (b + 1) * batch))) {
                decisions.add(Map.of("reviewId", id, "decision", "APPROVE"));
            }
            long s = System.nanoTime();
            JsonNode r = send(api, "POST", "/v1/reviews/decisions", Map.of("decisions", decisions), token, 200);
            nanos[b] = System.nanoTime() - s;
            for (JsonNode result : r.path("results")) {
                if (!"DONE".equals(result.path("outcome").asText())) {
                    throw new IllegalStateException("not DONE: " + result);
                }
            }
        }
        return nanos;
    }

    /** Approved professionals of {@code orgId} written directly: {personId, idCard, name}. */
    private static List<String[]> seed(DynamoDbClient dynamo, String table, String orgId, int n, String tag) {
        List<String[]> out = new ArrayList<>();
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] p = {"p_bench_" + tag.hashCode() + "_" + System.nanoTime() + "_" + i, TestData.idCard(), "压测" + tag + i};
            out.add(p);
            Map<String, AttributeValue> person = new HashMap<>(Item.create("PERSON#" + p[0], "PROFILE").put("entity", "PERSON")
                    .put("personId", p[0]).put("idCard", p[1]).put("name", p[2]).put("phone", TestData.phone())
                    .put("passwordHash", "unusable").put("disabled", false).put("mustChangePassword", false).put("version", 1)
                    .put("createdAt", Instant.now().toString()).put("regOrgId", orgId).put("regStatus", "APPROVED")
                    .put("titleSeries", "卫生技术人员").put("titleLevel", "中级").asMap());
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(person).build()).build());
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Item.create("IDCARD#" + p[1], "CLAIM")
                    .put("personId", p[0]).put("createdAt", Instant.now().toString()).asMap()).build()).build());
        }
        for (int from = 0; from < writes.size(); from += 25) {
            List<WriteRequest> part = writes.subList(from, Math.min(writes.size(), from + 25));
            List<WriteRequest> left = part;
            while (!left.isEmpty()) {
                List<WriteRequest> sending = left;
                left = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, sending))).unprocessedItems().getOrDefault(table, List.of());
            }
        }
        return out;
    }

}
