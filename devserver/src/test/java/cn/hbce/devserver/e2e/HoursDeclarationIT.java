package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.E2E.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.AppContext;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.aws.AwsClients;
import cn.hbce.hours.HoursChangeListener;
import cn.hbce.hours.HoursDeclarationEffect;
import cn.hbce.hours.adapter.DynamoDeclarationRepository;
import cn.hbce.hours.adapter.DynamoHoursRepository;
import cn.hbce.review.adapter.DynamoReviewRepository;
import cn.hbce.review.Review;
import cn.hbce.review.ReviewStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;

/**
 * Bulk declarations by a base: 500 trainees checked against registered persons (3 unknown, 2 with
 * a wrong name), one review at the supervising department, and an approval that records every
 * accepted trainee once, also when its apply step fails half-way and runs again.
 */
class HoursDeclarationIT {
    private static Reviews.Tree tree;
    private static String baseToken;
    private static List<Hours.Trainee> registered;

    @BeforeAll
    static void tree() {
        tree = Reviews.tree("学时申报");
        baseToken = Fixtures.token(tree.base());
        registered = Hours.trainees(tree.unit().orgId(), 497, "学员");
    }

    private static Map<String, Object> declaration(String title, List<Map<String, Object>> trainees) {
        return obj("year", Hours.YEAR, "category", "PROFESSIONAL", "activityType", "TRAINING", "courseTitle", title,
                "hours", 24, "startDate", Hours.YEAR + "-04-01", "endDate", Hours.YEAR + "-04-03", "trainees", trainees);
    }

    private static List<Map<String, Object>> rows(List<Hours.Trainee> trainees) {
        List<Map<String, Object>> out = new ArrayList<>();
        trainees.forEach(t -> out.add(obj("idCard", t.idCard(), "name", t.name())));
        return out;
    }

    @Test
    void fiveHundredTraineesGive495RecordsOnceTheDepartmentApproves() {
        List<Map<String, Object>> rows = rows(registered);
        // rows 0..494 are right; 495 and 496 carry a wrong name; three ID numbers nobody registered follow
        rows.set(495, obj("idCard", registered.get(495).idCard(), "name", "张冒名"));
        rows.set(496, obj("idCard", registered.get(496).idCard(), "name", "李冒名"));
        for (int i = 0; i < 3; i++) {
            rows.add(obj("idCard", TestData.idCard(), "name", "查无此人"));
        }
        String title = "基地培训班" + System.nanoTime();
        E2E.Resp r = E2E.post("/v1/hours/declarations", declaration(title, rows), baseToken);
        assertEquals(201, r.status(), r::toString);
        assertEquals(495, r.json().path("accepted").asInt());
        Map<Integer, String> rejected = new java.util.TreeMap<>();
        r.json().path("rejected").forEach(n -> rejected.put(n.path("index").asInt(), n.path("reason").asText()));
        assertEquals(Map.of(495, "NAME_MISMATCH", 496, "NAME_MISMATCH", 497, "NOT_REGISTERED", 498, "NOT_REGISTERED",
                499, "NOT_REGISTERED"), rejected);
        String reviewId = r.json().path("reviewId").asText();

        // A unit admin of the same department has no step of it; the department decides.
        String pending = Reviews.awaitPending(tree.deptToken(), "HOURS_DECLARATION", "declarationId",
                r.json().path("declarationId").asText()).path("reviewId").asText();
        assertEquals(reviewId, pending);
        E2E.Resp unitTry = Reviews.decide(Fixtures.token(tree.unit()), Reviews.approve(reviewId));
        assertEquals("NOT_FOUND", Reviews.outcome(unitTry, reviewId));
        E2E.Resp done = Reviews.decide(tree.deptToken(), Reviews.approve(reviewId));
        assertEquals("DONE", Reviews.outcome(done, reviewId), done::toString);
        Reviews.await(() -> "review " + reviewId + " approved", java.time.Duration.ofSeconds(60),
                () -> "APPROVED".equals(Reviews.detail(tree.deptToken(), reviewId).json().path("status").asText())
                        ? java.util.Optional.of(true) : java.util.Optional.empty());

        List<JsonNode> records = Hours.listAll(tree.deptToken(), "year=" + Hours.YEAR + "&q=" + Reviews.enc(title));
        assertEquals(495, records.size());
        assertEquals(495, records.stream().map(n -> n.path("personId").asText()).distinct().count(), "one record per trainee");
        assertTrue(records.stream().allMatch(n -> n.path("status").asText().equals("APPROVED")
                && n.path("source").asText().equals("DECLARATION") && n.path("hours").asDouble() == 24));
        Set<String> expected = registered.subList(0, 495).stream().map(Hours.Trainee::personId).collect(Collectors.toSet());
        assertEquals(expected, records.stream().map(n -> n.path("personId").asText()).collect(Collectors.toSet()));
    }

    @Test
    void anApplyStepThatFailsHalfWayAndRunsAgainWritesEachRecordOnce() {
        List<Hours.Trainee> some = registered.subList(0, 60);
        String title = "重试培训班" + System.nanoTime();
        E2E.Resp r = E2E.post("/v1/hours/declarations", declaration(title, rows(some)), baseToken);
        assertEquals(201, r.status(), r::toString);
        String reviewId = r.json().path("reviewId").asText();
        AppContext app = AppContext.get();
        String table = app.config().tableName();
        Review review = new DynamoReviewRepository(AwsClients.dynamo(), table, app.cursors()).get(reviewId).orElseThrow();

        // The first attempt dies after its first batch of 25 (as a Lambda time-out or a crash would).
        AtomicInteger batches = new AtomicInteger();
        DynamoDbClient failing = new DynamoDbClient() {
            @Override
            public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
                if (batches.incrementAndGet() > 1) {
                    throw new IllegalStateException("injected: the apply step dies here");
                }
                return AwsClients.dynamo().batchWriteItem(request);
            }

            @Override
            public String serviceName() {
                return "dynamodb";
            }

            @Override
            public void close() {
            }
        };
        Map<String, Integer> told = new ConcurrentHashMap<>();
        HoursChangeListener listener = (personId, year, meta) -> told.merge(personId, 1, Integer::sum);
        var declarations = new DynamoDeclarationRepository(AwsClients.dynamo(), table);
        var broken = new HoursDeclarationEffect(declarations, new DynamoHoursRepository(failing, table, app.cursors()),
                listener, app.audit(), Clock.systemUTC());
        assertThrows(IllegalStateException.class, () -> broken.apply(review, ReviewStatus.APPROVED));
        assertEquals(25, Hours.listAll(tree.deptToken(), "year=" + Hours.YEAR + "&q=" + Reviews.enc(title)).size(),
                "the first batch was written before the failure");
        assertTrue(told.isEmpty(), "nobody is told of hours that are not all in");

        var effect = new HoursDeclarationEffect(declarations, new DynamoHoursRepository(AwsClients.dynamo(), table, app.cursors()),
                listener, app.audit(), Clock.systemUTC());
        effect.apply(review, ReviewStatus.APPROVED);
        effect.apply(review, ReviewStatus.APPROVED);
        List<JsonNode> records = Hours.listAll(tree.deptToken(), "year=" + Hours.YEAR + "&q=" + Reviews.enc(title));
        assertEquals(60, records.size(), "every trainee once after the retries");
        assertEquals(60, records.stream().map(n -> n.path("recordId").asText()).distinct().count());
        assertEquals(some.stream().map(Hours.Trainee::personId).collect(Collectors.toSet()), told.keySet(),
                "every trainee's year is re-checked");
    }

    @Test
    void onlyUnitsAndBasesDeclareAndRowsAreChecked() {
        E2E.Resp dept = E2E.post("/v1/hours/declarations", declaration("部门申报", rows(registered.subList(0, 1))),
                tree.deptToken());
        Fixtures.assertError(dept, 403, "FORBIDDEN");
        List<Map<String, Object>> none = List.of(obj("idCard", TestData.idCard(), "name", "无人"));
        Fixtures.assertValidation(E2E.post("/v1/hours/declarations", declaration("无人可申报", none), baseToken), "trainees");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(obj("idCard", TestData.idCard(), "name", "超额"));
        }
        Fixtures.assertValidation(E2E.post("/v1/hours/declarations", declaration("超过500人", tooMany), baseToken), "trainees");
        Fixtures.assertError(E2E.post("/v1/hours/declarations", obj("year", Hours.YEAR, "category", "PROFESSIONAL",
                "activityType", "NOPE", "courseTitle", "未知类型", "hours", 5, "startDate", Hours.YEAR + "-04-01",
                "endDate", Hours.YEAR + "-04-01", "trainees", rows(registered.subList(0, 1))), baseToken), 400, "HOURS_RULE_VIOLATION");
    }
}
