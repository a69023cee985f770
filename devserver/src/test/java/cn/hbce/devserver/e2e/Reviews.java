package cn.hbce.devserver.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.hbce.org.OrgType;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Review helpers: the approval runs asynchronously (the deciding org's step appears a moment after
 * the 201, the effect a moment after the decision), so everything here polls with a deadline.
 */
public final class Reviews {
    /** How long an asynchronous step of the approval may take on a busy 2-core machine. */
    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 20;

    private Reviews() {
    }

    /** Polls {@code probe} until it yields a value; fails with {@code what} and the last observation at the deadline. */
    public static <T> T await(String what, Supplier<Optional<T>> probe) {
        return await(what, WAIT, probe);
    }

    public static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
        return await(() -> what, timeout, probe);
    }

    public static <T> T await(Supplier<String> what, Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> got = probe.get();
            if (got.isPresent()) {
                return got.get();
            }
            if (System.nanoTime() > deadline) {
                fail("Not within " + timeout.toMillis() + " ms: " + what.get());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ a fresh review tree

    /** A fresh approved department (decides), with an approved unit and base under it; nobody else uses them. */
    public record Tree(Fixtures.ApprovedOrg dept, Fixtures.ApprovedOrg unit, Fixtures.ApprovedOrg base, String deptToken) {
    }

    public static Tree tree(String tag) {
        Fixtures.ApprovedOrg dept = Fixtures.approvedOrg(OrgType.DEPARTMENT, Fixtures.ROOT_ORG_ID, TestData.orgName("部门", tag));
        Fixtures.ApprovedOrg unit = Fixtures.approvedOrg(OrgType.UNIT, dept.orgId(), TestData.orgName("单位", tag));
        Fixtures.ApprovedOrg base = Fixtures.approvedOrg(OrgType.BASE, dept.orgId(), TestData.orgName("基地", tag));
        return new Tree(dept, unit, base, Fixtures.token(dept));
    }

    // ------------------------------------------------------------------ registrations

    /** A person registered over HTTP: the body sent and the personId answered. */
    public record Registered(String subjectId, Map<String, Object> body) {
        public String idCard() {
            return body.get("idCard") != null ? (String) body.get("idCard") : adminField("idCard");
        }

        public String password() {
            return body.get("password") != null ? (String) body.get("password") : adminField("password");
        }

        public String name() {
            return (String) body.get("name");
        }

        @SuppressWarnings("unchecked")
        private String adminField(String field) {
            return (String) ((Map<String, Object>) body.get("admin")).get(field);
        }
    }

    public static Registered registerPerson(Map<String, Object> body) {
        E2E.Resp r = E2E.post("/v1/registrations/persons", body);
        assertEquals(201, r.status(), () -> "person registration: " + r);
        assertEquals("PENDING", r.json().path("status").asText(), r::toString);
        return new Registered(r.json().path("personId").asText(), body);
    }

    public static Registered registerPerson(String unitOrgId) {
        return registerPerson(TestData.personRegistration(unitOrgId));
    }

    /** {@code path} is departments, units or bases. */
    public static Registered registerOrg(String path, Map<String, Object> body) {
        E2E.Resp r = E2E.post("/v1/registrations/" + path, body);
        assertEquals(201, r.status(), () -> path + " registration: " + r);
        assertEquals("PENDING", r.json().path("status").asText(), r::toString);
        return new Registered(r.json().path("orgId").asText(), body);
    }

    // ------------------------------------------------------------------ queues

    /** Every item of a list query, following nextCursor (at most 200 pages). */
    public static List<JsonNode> listAll(String token, String query) {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 200; page++) {
            String q = query + (query.isEmpty() ? "" : "&") + "limit=100" + (cursor == null ? "" : "&cursor=" + enc(cursor));
            E2E.Resp r = E2E.get("/v1/reviews?" + q, token);
            assertEquals(200, r.status(), () -> "list " + q + ": " + r);
            r.json().path("items").forEach(out::add);
            JsonNode next = r.json().path("nextCursor");
            if (next.isNull() || next.isMissingNode()) {
                return out;
            }
            cursor = next.asText();
        }
        fail("more than 200 pages for " + query);
        return out;
    }

    /** The reviewIds of list items, in order. */
    public static List<String> ids(List<JsonNode> items) {
        return items.stream().map(i -> i.path("reviewId").asText()).toList();
    }

    /** The list item whose subject has {@code field} = {@code value}, if any. */
    public static Optional<JsonNode> find(List<JsonNode> items, String field, String value) {
        return items.stream().filter(i -> value.equals(i.path("subject").path(field).asText(null))).findFirst();
    }

    /** Waits until the review of this subject is PENDING in the caller's queue (for {@code kind}); returns the list item. */
    public static JsonNode awaitPending(String token, String kind, String subjectField, String subjectId) {
        return await(kind + " of " + subjectId + " in the decider's pending queue",
                () -> find(listAll(token, "kind=" + kind + "&status=PENDING"), subjectField, subjectId));
    }

    public static String awaitPendingPerson(String token, String personId) {
        return awaitPending(token, "PERSON_REGISTRATION", "personId", personId).path("reviewId").asText();
    }

    public static String awaitPendingOrg(String token, String kind, String orgId) {
        return awaitPending(token, kind, "orgId", orgId).path("reviewId").asText();
    }

    /** Waits until the review's detail (as the decider sees it) has this status; returns the detail. */
    public static JsonNode awaitStatus(String token, String reviewId, String status) {
        String[] last = {null};
        return await(() -> "review " + reviewId + " to become " + status + " (last: " + last[0] + ")", WAIT, () -> {
            E2E.Resp r = E2E.get("/v1/reviews/" + reviewId, token);
            assertEquals(200, r.status(), () -> "detail of " + reviewId + ": " + r);
            last[0] = r.json().path("status").asText();
            return status.equals(last[0]) ? Optional.of(r.json()) : Optional.empty();
        });
    }

    public static E2E.Resp detail(String token, String reviewId) {
        return E2E.get("/v1/reviews/" + reviewId, token);
    }

    /** The caller's to-do count for a kind (0 when the kind is absent); checks that the counts add up. */
    public static long todo(String token, String kind) {
        E2E.Resp r = E2E.get("/v1/todo", token);
        assertEquals(200, r.status(), () -> "todo: " + r);
        long sum = 0;
        long count = 0;
        for (JsonNode item : r.json().path("items")) {
            assertTrue(item.path("count").asLong() > 0, () -> "zero count listed: " + r);
            sum += item.path("count").asLong();
            if (kind.equals(item.path("kind").asText())) {
                count = item.path("count").asLong();
            }
        }
        assertEquals(sum, r.json().path("total").asLong(-1), () -> "total differs from the sum: " + r);
        return count;
    }

    public static long todoTotal(String token) {
        E2E.Resp r = E2E.get("/v1/todo", token);
        assertEquals(200, r.status(), () -> "todo: " + r);
        return r.json().path("total").asLong(-1);
    }

    // ------------------------------------------------------------------ decisions

    public static Map<String, Object> approve(String reviewId) {
        return E2E.obj("reviewId", reviewId, "decision", "APPROVE");
    }

    public static Map<String, Object> reject(String reviewId, String comment) {
        return E2E.obj("reviewId", reviewId, "decision", "REJECT", "comment", comment);
    }

    @SafeVarargs
    public static E2E.Resp decide(String token, Map<String, Object>... decisions) {
        return E2E.post("/v1/reviews/decisions", E2E.obj("decisions", List.of(decisions)), token);
    }

    public static E2E.Resp decide(String token, List<Map<String, Object>> decisions) {
        return E2E.post("/v1/reviews/decisions", E2E.obj("decisions", decisions), token);
    }

    /** reviewId → outcome of a 200 decisions answer, checking one result per decision in request order. */
    public static Map<String, String> outcomes(E2E.Resp r, String... reviewIds) {
        assertEquals(200, r.status(), () -> "decisions: " + r);
        JsonNode results = r.json().path("results");
        assertEquals(reviewIds.length, results.size(), () -> "one result per decision: " + r);
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < reviewIds.length; i++) {
            assertEquals(reviewIds[i], results.get(i).path("reviewId").asText(), () -> "results in request order: " + r);
            out.put(reviewIds[i], results.get(i).path("outcome").asText());
        }
        return out;
    }

    /** The single outcome of a one-decision answer. */
    public static String outcome(E2E.Resp r, String reviewId) {
        return outcomes(r, reviewId).get(reviewId);
    }
}
