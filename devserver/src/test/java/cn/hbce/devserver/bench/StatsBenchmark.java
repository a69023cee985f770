package cn.hbce.devserver.bench;

import static cn.hbce.devserver.bench.BenchApi.get;
import static cn.hbce.devserver.bench.BenchApi.login;
import static cn.hbce.devserver.bench.BenchApi.post;

import cn.hbce.AppContext;
import cn.hbce.bootstrap.Bootstrap;
import cn.hbce.common.Ids;
import cn.hbce.devserver.DevServer;
import cn.hbce.devserver.DevServerConfig;
import cn.hbce.devserver.e2e.TestData;
import cn.hbce.hours.Category;
import cn.hbce.hours.HoursRecord;
import cn.hbce.hours.RecordSource;
import cn.hbce.hours.RecordStatus;
import cn.hbce.hours.adapter.DynamoHoursRepository;
import cn.hbce.org.Org;
import cn.hbce.org.OrgStatus;
import cn.hbce.org.OrgType;
import cn.hbce.review.Review;
import cn.hbce.review.ReviewKind;
import cn.hbce.review.ReviewRepository;
import cn.hbce.review.ReviewStatus;
import cn.hbce.review.ReviewStep;
import cn.hbce.review.adapter.DynamoReviewRepository;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The statistics benchmark (not a test). Run:
 * {@code mvn -q -o -pl devserver test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=cn.hbce.devserver.bench.StatsBenchmark} (sizes: -Dqueue=10000 -Dpersons=10000 -Dsamples=200).
 * <ol>
 * <li>10,000 pending reviews in one department's queue, written as the review engine writes them
 * but without their to-do bumps (as data from before the counters); the exact count (what
 * GET /v1/todo did before: a paged COUNT query per kind) timed in-process.</li>
 * <li>{@code persons} approved professionals spread over {@code orgs} (default 200) units under that
 * department, each with one or two approved hours records of the year (30 公需 hours, and 60 专业 hours
 * for two in three), then the statistics job through POST /v1/stats/refresh: wall time until SUCCEEDED.</li>
 * <li>GET /v1/todo after the job: equal to the exact count (else the run fails), and its p50/p99;
 * the overview and title-series routes' latency.</li>
 * <li>{@code exportRows} (default 100,000) approved professionals in one unit, half of them with a
 * yearly hours summary, exported through POST /v1/exports as a PERSONS xlsx of that year: wall time
 * of the request, rows answered, file size, and the JVM's peak heap during the export (the devserver
 * runs the function in this JVM; the heap pools' peaks are reset just before). {@code -DexportOnly=true}
 * skips parts 1–3.</li>
 * </ol>
 */
public final class StatsBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String[] SERIES = {"卫生技术人员", "工程技术人员", "会计", "中小学教师", "经济"};
    private static final String[] LEVELS = {"正高级", "副高级", "中级", "助理级", "员级"};

    private StatsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int queue = Integer.getInteger("queue", 10_000);
        int persons = Integer.getInteger("persons", 10_000);
        int samples = Integer.getInteger("samples", 200);
        int exportRows = Integer.getInteger("exportRows", 100_000);
        boolean exportOnly = Boolean.getBoolean("exportOnly");
        try (DevServer server = DevServer.start(DevServerConfig.ephemeral())) {
            URI api = server.endpoint();
            AppContext app = AppContext.get();
            DynamoDbClient dynamo = app.dynamo();
            String table = app.config().tableName();
            System.out.println("# StatsBenchmark " + Instant.now() + "  cores=" + Runtime.getRuntime().availableProcessors()
                    + "  queue=" + queue + " persons=" + persons);
            String suffix = String.valueOf(System.nanoTime());
            String deptId = "o_bench_dept_" + suffix;
            String unitId = "o_bench_unit_" + suffix;
            String adminIdCard = TestData.idCard();
            app.bootstrap().ensureOrg(deptId, OrgType.DEPARTMENT, "统计压测部门", TestData.creditCode(), Bootstrap.ROOT_ORG_ID,
                    "027-86000000", new Bootstrap.Account(adminIdCard, "压测管理员", TestData.phone(), TestData.PASSWORD));
            app.bootstrap().ensureOrg(unitId, OrgType.UNIT, "统计压测单位", TestData.creditCode(), deptId, "027-86000001",
                    new Bootstrap.Account(TestData.idCard(), "压测单位管理员", TestData.phone(), TestData.PASSWORD));

            if (exportOnly) {
                personsExport(api, dynamo, table, deptId, unitId, login(api, "DEPARTMENT", adminIdCard, TestData.PASSWORD), exportRows);
                System.exit(0);
            }

            // 1. the queue, without to-do bumps
            DynamoReviewRepository uncounted = new DynamoReviewRepository(dynamo, table, app.cursors());
            long seed = System.nanoTime();
            Instant base = Instant.now().minusSeconds(queue);
            parallel(queue, 8, i -> {
                String reviewId = Ids.newId("r");
                Map<String, Object> subject = new LinkedHashMap<>();
                subject.put("personId", "p_bench_" + i);
                subject.put("name", "队列人员" + i);
                uncounted.create(new Review(reviewId, ReviewKind.PERSON_REGISTRATION, ReviewStatus.PENDING, "p_bench_" + i,
                        subject, subject, "队列人员" + i, List.of(List.of(deptId)), "p_bench_" + i, base.plusSeconds(i), null));
                uncounted.openStep(new ReviewStep(reviewId, 0, deptId, ReviewKind.PERSON_REGISTRATION, ReviewStatus.PENDING,
                        "bench-token-" + i, subject, "队列人员" + i, base.plusSeconds(i), null, null, null));
            });
            System.out.printf("%n## 1. %d pending reviews in one queue (seeded in %.1f s)%n", queue, (System.nanoTime() - seed) / 1e9);
            long[] exactNanos = new long[20];
            long exact = 0;
            for (int i = 0; i < exactNanos.length; i++) {
                long s = System.nanoTime();
                ReviewRepository.PendingCounts counts = uncounted.pendingByKind(deptId);
                exactNanos[i] = System.nanoTime() - s;
                exact = counts.byKind().values().stream().mapToLong(Long::longValue).sum();
            }
            System.out.println("exact count, every kind (paged COUNT queries, in-process; GET /v1/todo before): "
                    + new Percentiles(exactNanos).summary() + "  total=" + exact);

            // 2. persons across `orgs` units, each with approved hours records of the year, then the job
            int orgs = Integer.getInteger("orgs", 200);
            int year = LocalDate.now(ZoneOffset.ofHours(8)).getYear();
            long seedPersons = System.nanoTime();
            List<String> units = new ArrayList<>();
            for (int u = 0; u < orgs; u++) {
                String id = unitId + "_" + u;
                Instant now = Instant.now();
                app.orgs().create(new Org(id, OrgType.UNIT, "统计压测单位" + u, null, deptId, OrgStatus.APPROVED,
                        "027-86000000", null, null, 1, now, now));
                units.add(id);
            }
            DynamoHoursRepository hours = new DynamoHoursRepository(dynamo, table, app.cursors());
            int perBatch = 10;
            parallel((persons + perBatch - 1) / perBatch, 8, b -> {
                List<HoursRecord> records = new ArrayList<>();
                for (int i = b * perBatch; i < Math.min(persons, b * perBatch + perBatch); i++) {
                    String personId = "p_bench_" + i;
                    String unit = units.get(i % units.size());
                    Map<String, AttributeValue> profile = Map.of(
                            "PK", AttributeValue.fromS("PERSON#" + personId), "SK", AttributeValue.fromS("PROFILE"),
                            "entity", AttributeValue.fromS("PERSON"), "personId", AttributeValue.fromS(personId),
                            "regOrgId", AttributeValue.fromS(unit), "regStatus", AttributeValue.fromS("APPROVED"),
                            "titleSeries", AttributeValue.fromS(SERIES[i % SERIES.length]),
                            "titleLevel", AttributeValue.fromS(LEVELS[(i / SERIES.length) % LEVELS.length]));
                    dynamo.putItem(p -> p.tableName(table).item(profile));
                    // Two approved records a person: 30 公需 hours, and 60 专业 hours for two persons in three.
                    records.add(benchRecord(personId, unit, deptId, year, Category.PUBLIC, 30));
                    if (i % 3 != 0) {
                        records.add(benchRecord(personId, unit, deptId, year, Category.PROFESSIONAL, 60));
                    }
                }
                hours.putAll(records);
            });
            System.out.printf("%n## 2. The statistics job with %d approved persons in %d units, %d hours records (+ %d steps; seeded in %.1f s)%n",
                    persons, orgs, persons + (persons - (persons + 2) / 3), queue, (System.nanoTime() - seedPersons) / 1e9);
            String root = login(api, "HRSS", DevServerConfig.DEFAULT_ROOT_ADMIN_ID_CARD, DevServerConfig.DEFAULT_ROOT_ADMIN_PASSWORD);
            long jobStart = System.nanoTime();
            String run = post(api, "/v1/stats/refresh", Map.of("year", year), root).path("executionId").asText();
            JsonNode status;
            do {
                Thread.sleep(200);
                status = get(api, "/v1/stats/jobs/" + run, root);
            } while (status.path("status").asText().equals("RUNNING"));
            System.out.printf("job %s: %s in %.1f s (%s)%n", run, status.path("status").asText(), (System.nanoTime() - jobStart) / 1e9,
                    status);

            // 3. the routes
            String dept = login(api, "DEPARTMENT", adminIdCard, TestData.PASSWORD);
            JsonNode todo = get(api, "/v1/todo", dept);
            if (todo.path("total").asLong() != exact) {
                throw new IllegalStateException("GET /v1/todo " + todo + " but the exact count is " + exact);
            }
            System.out.printf("%n## 3. Routes after the job (GET /v1/todo total=%d equals the exact count)%n", exact);
            measure(api, dept, "GET /v1/todo", "/v1/todo", samples);
            measure(api, root, "GET /v1/stats/overview (root: 16 shards + children)", "/v1/stats/overview", samples);
            measure(api, dept, "GET /v1/stats/overview (department)", "/v1/stats/overview", samples);
            measure(api, dept, "GET /v1/stats/title-series (department)", "/v1/stats/title-series", samples);

            // 4. the PERSONS export
            personsExport(api, dynamo, table, deptId, unitId, dept, exportRows);
        }
        System.exit(0);
    }

    /** An approved record as a decided claim leaves it (what the job counts). */
    private static HoursRecord benchRecord(String personId, String unit, String deptId, int year, Category category, double hours) {
        Instant at = Instant.now();
        return new HoursRecord(Ids.newId("h"), personId, "压测人员", "4201**********0000", unit, "统计压测单位", deptId, year,
                category, "TRAINING", "压测培训", hours, LocalDate.of(year, 3, 1), LocalDate.of(year, 3, 2), "压测机构",
                RecordStatus.APPROVED, RecordSource.CLAIM, null, null, List.of(), at, at, null);
    }

    /** Part 4: {@code rows} professionals of a new unit under {@code deptId} (written in batches of 25), then one PERSONS xlsx export of them. */
    private static void personsExport(URI api, DynamoDbClient dynamo, String table, String deptId, String unitId, String deptToken,
                                      int rows)
            throws Exception {
        int year = LocalDate.now(ZoneOffset.ofHours(8)).getYear();
        String exportUnit = unitId + "_export";
        AppContext.get().bootstrap().ensureOrg(exportUnit, OrgType.UNIT, "导出压测单位", TestData.creditCode(),
                deptId, "027-86000002",
                new Bootstrap.Account(TestData.idCard(), "导出压测单位管理员", TestData.phone(), TestData.PASSWORD));
        long seed = System.nanoTime();
        int batches = (rows + 24) / 25;
        parallel(batches, 8, b -> {
            List<WriteRequest> writes = new ArrayList<>();
            for (int i = b * 25; i < Math.min(rows, b * 25 + 25); i++) {
                String personId = "p_bench_x_" + i;
                Map<String, AttributeValue> item = new HashMap<>();
                item.put("PK", AttributeValue.fromS("PERSON#" + personId));
                item.put("SK", AttributeValue.fromS("PROFILE"));
                item.put("entity", AttributeValue.fromS("PERSON"));
                item.put("personId", AttributeValue.fromS(personId));
                item.put("idCard", AttributeValue.fromS(TestData.idCard()));
                item.put("name", AttributeValue.fromS("导出人员" + i));
                item.put("phone", AttributeValue.fromS(TestData.phone()));
                item.put("regOrgId", AttributeValue.fromS(exportUnit));
                item.put("regStatus", AttributeValue.fromS("APPROVED"));
                item.put("titleSeries", AttributeValue.fromS(SERIES[i % SERIES.length]));
                item.put("titleLevel", AttributeValue.fromS(LEVELS[(i / SERIES.length) % LEVELS.length]));
                item.put("GSI1PK", AttributeValue.fromS("MEMBERS#" + exportUnit));
                item.put("GSI1SK", AttributeValue.fromS("PERSON#" + personId));
                writes.add(WriteRequest.builder().putRequest(r -> r.item(item)).build());
            }
            write(dynamo, table, writes);
            List<WriteRequest> yearItems = new ArrayList<>();
            for (int i = b * 25; i < Math.min(rows, b * 25 + 25); i += 2) {
                Map<String, AttributeValue> item = yearItem(i, year);
                yearItems.add(WriteRequest.builder().putRequest(r -> r.item(item)).build());
            }
            write(dynamo, table, yearItems);
        });
        System.out.printf("%n## 4. PERSONS xlsx export of %d professionals of one unit (seeded in %.1f s)%n", rows,
                (System.nanoTime() - seed) / 1e9);
        measure(api, deptToken, "GET /v1/persons?year&unitOrgId&limit=100 (first page)", "/v1/persons?limit=100&year=" + year
                + "&unitOrgId=" + exportUnit, 20);
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        JsonNode out = post(api, "/v1/exports", Map.of("type", "PERSONS", "format", "xlsx",
                "filters", Map.of("unitOrgId", exportUnit, "year", year)), deptToken);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        HttpResponse<byte[]> file = HTTP.send(HttpRequest.newBuilder(URI.create(out.path("url").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (out.path("rows").asInt() != rows || file.statusCode() != 200) {
            throw new IllegalStateException("export answered " + out + ", download " + file.statusCode());
        }
        System.out.printf("POST /v1/exports PERSONS xlsx: %d rows in %.1f s, file %.1f MB; heap used before %d MB, peak during %d MB"
                + " (sum of the heap pools' peaks; max heap %d MB)%n", rows, seconds, file.body().length / 1e6, before >> 20, peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static Map<String, AttributeValue> yearItem(int i, int year) {
        return Map.of("PK", AttributeValue.fromS("PERSON#p_bench_x_" + i), "SK", AttributeValue.fromS("HOURSYEAR#" + year),
                "entity", AttributeValue.fromS("PERSON_YEAR_HOURS"), "personId", AttributeValue.fromS("p_bench_x_" + i),
                "year", AttributeValue.fromN(String.valueOf(year)), "publicHours", AttributeValue.fromN(String.valueOf(i % 40)),
                "professionalHours", AttributeValue.fromN(String.valueOf(i % 70)));
    }

    /** BatchWriteItem with its unprocessed items sent again. */
    private static void write(DynamoDbClient dynamo, String table, List<WriteRequest> writes) throws InterruptedException {
        Map<String, List<WriteRequest>> left = Map.of(table, writes);
        for (int round = 0; !left.isEmpty() && !left.getOrDefault(table, List.of()).isEmpty(); round++) {
            if (round > 20) {
                throw new IllegalStateException("unprocessed items after 20 rounds");
            }
            Map<String, List<WriteRequest>> sending = left;
            left = dynamo.batchWriteItem(w -> w.requestItems(sending)).unprocessedItems();
            if (!left.isEmpty()) {
                Thread.sleep(50L * (round + 1));
            }
        }
    }

    private static void measure(URI api, String token, String label, String path, int samples) throws Exception {
        for (int i = 0; i < 20; i++) {
            get(api, path, token);
        }
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long s = System.nanoTime();
            get(api, path, token);
            nanos[i] = System.nanoTime() - s;
        }
        System.out.println(label + ": " + new Percentiles(nanos).summary());
    }

    interface Task {
        void run(int i) throws Exception;
    }

    private static void parallel(int n, int threads, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    task.run(index);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

}
