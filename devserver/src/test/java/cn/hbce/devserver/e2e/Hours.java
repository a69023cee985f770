package cn.hbce.devserver.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.hbce.AppContext;
import cn.hbce.account.PersonRegistration;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.bootstrap.Bootstrap;
import cn.hbce.common.aws.AwsClients;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Professionals, claims and list walks the hours tests share. */
public final class Hours {
    static final int YEAR = LocalDate.now(ZoneOffset.ofHours(8)).getYear();

    private Hours() {
    }

    /** An approved professional of {@code orgId} who can log in: person id, ID number, name and token. */
    public record Professional(String personId, String idCard, String name, String token) {
    }

    public static Professional professional(String orgId, String tag) {
        E2E.server();
        String idCard = TestData.idCard();
        String name = TestData.personName(tag);
        String personId = AppContext.get().bootstrap().ensurePerson(new Bootstrap.Account(idCard, name, TestData.phone(),
                TestData.PASSWORD), new PersonRegistration(orgId, RegistrationStatus.APPROVED, "卫生技术人员", "中级"));
        return new Professional(personId, idCard, name, Fixtures.token("PERSON", idCard, TestData.PASSWORD));
    }

    /** A registered, approved professional stored directly (no login, no password hashing): for declarations of hundreds. */
    record Trainee(String personId, String idCard, String name) {
    }

    static List<Trainee> trainees(String orgId, int count, String tag) {
        E2E.server();
        String table = AppContext.get().config().tableName();
        List<Trainee> out = new ArrayList<>();
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Trainee t = new Trainee("p_e2e_hours_" + System.nanoTime() + "_" + i, TestData.idCard(), TestData.personName(tag + i));
            out.add(t);
            Map<String, AttributeValue> person = new HashMap<>();
            person.put("PK", s("PERSON#" + t.personId()));
            person.put("SK", s("PROFILE"));
            person.put("entity", s("PERSON"));
            person.put("personId", s(t.personId()));
            person.put("idCard", s(t.idCard()));
            person.put("name", s(t.name()));
            person.put("phone", s(TestData.phone()));
            person.put("passwordHash", s("unusable"));
            person.put("disabled", AttributeValue.fromBool(false));
            person.put("mustChangePassword", AttributeValue.fromBool(false));
            person.put("version", AttributeValue.fromN("1"));
            person.put("createdAt", s(Instant.now().toString()));
            person.put("regOrgId", s(orgId));
            person.put("regStatus", s("APPROVED"));
            person.put("titleSeries", s("卫生技术人员"));
            person.put("titleLevel", s("中级"));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(person).build()).build());
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("PK", s("IDCARD#" + t.idCard()),
                    "SK", s("CLAIM"), "personId", s(t.personId()), "createdAt", s(Instant.now().toString()))).build()).build());
        }
        for (int from = 0; from < writes.size(); from += 25) {
            List<WriteRequest> batch = writes.subList(from, Math.min(writes.size(), from + 25));
            var left = AwsClients.dynamo().batchWriteItem(b -> b.requestItems(Map.of(table, batch))).unprocessedItems();
            assertEquals(0, left.getOrDefault(table, List.of()).size(), "seeding wrote every trainee");
        }
        return out;
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    public static Map<String, Object> claim(String category, String activityType, String title, double hours) {
        return claim(YEAR, category, activityType, title, hours, YEAR + "-03-01", YEAR + "-03-02");
    }

    static Map<String, Object> claim(int year, String category, String activityType, String title, double hours,
                                     String start, String end) {
        return E2E.obj("year", year, "category", category, "activityType", activityType, "title", title,
                "hours", hours, "startDate", start, "endDate", end, "evidenceFileIds", List.of());
    }

    /** Every item of GET /v1/hours with this query, following nextCursor. */
    static List<JsonNode> listAll(String token, String query) {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            String q = query + (query.isEmpty() ? "" : "&") + "limit=100" + (cursor == null ? "" : "&cursor=" + Reviews.enc(cursor));
            E2E.Resp r = E2E.get("/v1/hours?" + q, token);
            assertEquals(200, r.status(), () -> "hours " + q + ": " + r);
            r.json().path("items").forEach(out::add);
            JsonNode next = r.json().path("nextCursor");
            if (next.isNull() || next.isMissingNode()) {
                return out;
            }
            cursor = next.asText();
        }
        throw new AssertionError("more than 100 pages of hours for " + query);
    }

    /** The review of a claim in the decider's pending queue (waits until the workflow opened the step). */
    public static String awaitPendingClaim(String token, String recordId) {
        return Reviews.awaitPending(token, "HOURS_CLAIM", "recordId", recordId).path("reviewId").asText();
    }

    static JsonNode annualStatus(String token) {
        E2E.Resp r = E2E.get("/v1/me/annual-status?year=" + YEAR, token);
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    static Optional<JsonNode> mine(String token, String recordId) {
        E2E.Resp r = E2E.get("/v1/me/hours?year=" + YEAR, token);
        assertEquals(200, r.status(), r::toString);
        for (JsonNode n : r.json().path("items")) {
            if (recordId.equals(n.path("recordId").asText())) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }
}
