package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static cn.hbce.devserver.e2e.Fixtures.assertValidation;
import static cn.hbce.devserver.e2e.Reviews.ids;
import static cn.hbce.devserver.e2e.Reviews.approve;
import static cn.hbce.devserver.e2e.Reviews.enc;
import static cn.hbce.devserver.e2e.Reviews.reject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /v1/reviews and GET /v1/reviews/{id}: filters (kind, status, q, from/to), limit and cursor
 * paging, masked personal data, and 400 for bad parameters. One fresh department's queue holds 7
 * person registrations (2 of them decided here) and 1 unit registration; no other test touches it.
 */
class ReviewListIT {
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static Reviews.Tree tree;
    private static String token;
    private static final List<Reviews.Registered> persons = new ArrayList<>();
    private static final List<String> personReviews = new ArrayList<>();
    private static Reviews.Registered unit;
    private static String unitReview;
    private static String approvedReview;
    private static String rejectedReview;
    private static Instant before;
    private static Instant after;
    private static String tag;

    @BeforeAll
    static void sevenPersonsAndOneUnitInAFreshQueue() {
        tree = Reviews.tree("列表");
        token = tree.deptToken();
        tag = "检" + System.nanoTime() % 100000 + "索";
        before = Instant.now().minusSeconds(1);
        for (int i = 0; i < 7; i++) {
            String org = i % 2 == 0 ? tree.unit().orgId() : tree.base().orgId();
            Reviews.Registered p = Reviews.registerPerson(TestData.personRegistration(org, TestData.idCard(),
                    TestData.personName(tag + (char) ('甲' + i))));
            persons.add(p);
        }
        unit = Reviews.registerOrg("units", TestData.supervisedOrgRegistration(tree.dept().orgId(), "单位"));
        for (Reviews.Registered p : persons) {
            personReviews.add(Reviews.awaitPendingPerson(token, p.subjectId()));
        }
        unitReview = Reviews.awaitPendingOrg(token, "UNIT_REGISTRATION", unit.subjectId());
        after = Instant.now().plusSeconds(1);
        approvedReview = personReviews.get(0);
        rejectedReview = personReviews.get(1);
        assertEquals(Map.of(approvedReview, "DONE", rejectedReview, "DONE"), Reviews.outcomes(
                Reviews.decide(token, approve(approvedReview), reject(rejectedReview, "列表测试驳回")), approvedReview, rejectedReview));
        Reviews.awaitStatus(token, approvedReview, "APPROVED");
        Reviews.awaitStatus(token, rejectedReview, "REJECTED");
    }

    private static E2E.Resp list(String query) {
        return E2E.get("/v1/reviews" + (query.isEmpty() ? "" : "?" + query), token);
    }

    private static Set<String> idSet(List<JsonNode> items) {
        List<String> ids = ids(items);
        Set<String> set = new LinkedHashSet<>(ids);
        assertEquals(ids.size(), set.size(), () -> "an item listed twice: " + ids);
        return set;
    }

    private static Set<String> all() {
        Set<String> s = new HashSet<>(personReviews);
        s.add(unitReview);
        return s;
    }

    @Test
    void withoutFiltersTheQueueHoldsEveryReviewOfTheOrgOnce() {
        assertEquals(all(), idSet(Reviews.listAll(token, "")));
        assertEquals(6, Reviews.todo(token, "PERSON_REGISTRATION") + Reviews.todo(token, "UNIT_REGISTRATION"));
        assertEquals(5, Reviews.todo(token, "PERSON_REGISTRATION"));
        assertEquals(1, Reviews.todo(token, "UNIT_REGISTRATION"));
    }

    @Test
    void pagingWithLimit3SeesEveryItemExactlyOnceAndEndsWithANullCursor() {
        for (String filter : new String[] {"", "kind=PERSON_REGISTRATION&", "status=PENDING&", "q=" + enc(tag) + "&"}) {
            List<String> seen = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            String cursor = null;
            for (int page = 0; page < 10; page++) {
                E2E.Resp r = list(filter + "limit=3" + (cursor == null ? "" : "&cursor=" + enc(cursor)));
                assertEquals(200, r.status(), r::toString);
                JsonNode items = r.json().path("items");
                assertTrue(items.size() <= 3, r::toString);
                sizes.add(items.size());
                items.forEach(i -> seen.add(i.path("reviewId").asText()));
                JsonNode next = r.json().path("nextCursor");
                if (next.isNull() || next.isMissingNode()) {
                    cursor = null;
                    break;
                }
                cursor = next.asText();
                assertFalse(cursor.isBlank(), r::toString);
            }
            assertEquals(null, cursor, "paging ended");
            Set<String> expected = switch (filter) {
                case "" -> all();
                case "status=PENDING&" -> {
                    Set<String> s = new HashSet<>(all());
                    s.remove(approvedReview);
                    s.remove(rejectedReview);
                    yield s;
                }
                default -> new HashSet<>(personReviews);
            };
            final String f = filter;
            assertEquals(expected.size(), seen.size(), () -> f + ": every item exactly once: " + seen + " pages " + sizes);
            assertEquals(expected, new HashSet<>(seen), () -> f + ": pages " + sizes);
            assertTrue(sizes.subList(0, sizes.size() - 1).stream().allMatch(s -> s == 3), () -> f + ": full pages before the last: " + sizes);
        }
    }

    @Test
    void theLastPageSaysNextCursorNull() {
        E2E.Resp r = list("limit=100");
        assertEquals(200, r.status(), r::toString);
        assertTrue(r.json().has("nextCursor"), () -> "nextCursor key missing: " + r);
        assertTrue(r.json().path("nextCursor").isNull(), r::toString);
    }

    @Test
    void pendingItemsComeNewestFirst() {
        List<JsonNode> pending = Reviews.listAll(token, "kind=PERSON_REGISTRATION&status=PENDING");
        List<Instant> times = pending.stream().map(i -> OffsetDateTime.parse(i.path("submittedAt").asText()).toInstant()).toList();
        for (int i = 1; i < times.size(); i++) {
            assertFalse(times.get(i).isAfter(times.get(i - 1)), () -> "not newest first: " + times);
        }
    }

    @Test
    void kindAndStatusFilter() {
        assertEquals(new HashSet<>(personReviews), idSet(Reviews.listAll(token, "kind=PERSON_REGISTRATION")));
        assertEquals(Set.of(unitReview), idSet(Reviews.listAll(token, "kind=UNIT_REGISTRATION")));
        assertEquals(Set.of(), idSet(Reviews.listAll(token, "kind=BASE_REGISTRATION")));
        assertEquals(Set.of(), idSet(Reviews.listAll(token, "kind=HOURS_CLAIM")));
        assertEquals(Set.of(approvedReview), idSet(Reviews.listAll(token, "status=APPROVED")));
        assertEquals(Set.of(rejectedReview), idSet(Reviews.listAll(token, "status=REJECTED")));
        assertEquals(Set.of(rejectedReview), idSet(Reviews.listAll(token, "kind=PERSON_REGISTRATION&status=REJECTED")));
        assertEquals(Set.of(), idSet(Reviews.listAll(token, "kind=UNIT_REGISTRATION&status=APPROVED")));
        List<JsonNode> pending = Reviews.listAll(token, "status=PENDING");
        assertEquals(6, pending.size(), pending::toString);
        pending.forEach(i -> assertEquals("PENDING", i.path("status").asText(), i::toString));
        JsonNode approved = Reviews.listAll(token, "status=APPROVED").get(0);
        assertNotNull(OffsetDateTime.parse(approved.path("decidedAt").asText()), approved::toString);
    }

    @Test
    void qMatchesAPartOfTheName() {
        assertEquals(new HashSet<>(personReviews), idSet(Reviews.listAll(token, "q=" + enc(tag))));
        String third = (String) persons.get(2).body().get("name");
        String distinctive = third.substring(third.indexOf(tag), third.indexOf(tag) + tag.length() + 1);
        assertEquals(Set.of(personReviews.get(2)), idSet(Reviews.listAll(token, "q=" + enc(distinctive))));
        assertEquals(Set.of(personReviews.get(2)), idSet(Reviews.listAll(token, "status=PENDING&q=" + enc(distinctive))));
        assertEquals(Set.of(), idSet(Reviews.listAll(token, "status=APPROVED&q=" + enc(distinctive))));
        assertEquals(Set.of(unitReview), idSet(Reviews.listAll(token, "q=" + enc(unit.name()))));
        assertEquals(Set.of(), idSet(Reviews.listAll(token, "q=" + enc("不存在的名字" + tag))));
        E2E.Resp first = list("q=" + enc(tag) + "&limit=1");
        assertEquals(1, first.json().path("items").size(), first::toString);
        assertFalse(first.json().path("nextCursor").isNull(), "more than one match: a cursor");
    }

    @Test
    void fromAndToBoundTheSubmissionTime() {
        LocalDate today = LocalDate.now(CHINA);
        for (String status : new String[] {"", "status=PENDING&"}) {
            Set<String> expected = status.isEmpty() ? all() : Set.copyOf(Reviews.listAll(token, "status=PENDING").stream()
                    .map(i -> i.path("reviewId").asText()).toList());
            assertEquals(expected, idSet(Reviews.listAll(token, status + "from=" + iso(before) + "&to=" + iso(after))));
            assertEquals(expected, idSet(Reviews.listAll(token, status + "from=" + today.minusDays(1) + "&to=" + today.plusDays(1))));
            assertEquals(Set.of(), idSet(Reviews.listAll(token, status + "from=" + iso(after))), "from after every submission");
            assertEquals(Set.of(), idSet(Reviews.listAll(token, status + "to=" + iso(before))), "to before every submission");
            assertEquals(Set.of(), idSet(Reviews.listAll(token, status + "from=" + today.plusDays(1))), "from tomorrow");
            assertEquals(Set.of(), idSet(Reviews.listAll(token, status + "to=" + today.minusDays(1))), "to yesterday");
        }
        Instant middle = OffsetDateTime.parse(Reviews.detail(token, personReviews.get(3)).json().path("submittedAt").asText())
                .toInstant();
        Set<String> fromMiddle = idSet(Reviews.listAll(token, "status=PENDING&from=" + iso(middle)));
        Set<String> toMiddle = idSet(Reviews.listAll(token, "status=PENDING&to=" + iso(middle)));
        assertTrue(fromMiddle.contains(personReviews.get(3)) && toMiddle.contains(personReviews.get(3)), "bounds are inclusive");
        assertTrue(fromMiddle.containsAll(personReviews.subList(4, 7)), fromMiddle::toString);
        assertTrue(toMiddle.containsAll(personReviews.subList(2, 3)), toMiddle::toString);
        assertFalse(toMiddle.contains(personReviews.get(4)) || fromMiddle.contains(personReviews.get(2)), "bounds bound");
    }

    @Test
    void fromAndToOnAWholeSecondCompareByTimeNotByText() {
        Instant middle = submitted(personReviews.get(3));
        assertTrue(idSet(Reviews.listAll(token, "kind=PERSON_REGISTRATION&from=" + iso(middle))).contains(personReviews.get(3)),
                "from = the review's own submission time (ms) includes it");
        String reviewId = personReviews.stream()
                .filter(id -> submitted(id).getNano() != 0).skip(2).findFirst().orElseThrow();
        Instant at = submitted(reviewId);
        Instant second = at.truncatedTo(ChronoUnit.SECONDS);
        for (String status : new String[] {"status=PENDING&", "", "kind=PERSON_REGISTRATION&"}) {
            String s = status.isEmpty() ? "(no status)" : status;
            if (!reviewId.equals(approvedReview) && !reviewId.equals(rejectedReview) || !status.startsWith("status")) {
                assertTrue(idSet(Reviews.listAll(token, status + "from=" + iso(second))).contains(reviewId),
                        () -> s + " from=" + second + " leaves out a review submitted at " + at);
                assertFalse(idSet(Reviews.listAll(token, status + "to=" + iso(second))).contains(reviewId),
                        () -> s + " to=" + second + " includes a review submitted at " + at);
            }
        }
    }

    private static Instant submitted(String reviewId) {
        return OffsetDateTime.parse(Reviews.detail(token, reviewId).json().path("submittedAt").asText()).toInstant();
    }

    /** An ISO-8601 instant with a +08:00 offset (the '+' must be encoded), milliseconds kept. */
    private static String iso(Instant at) {
        return enc(at.truncatedTo(ChronoUnit.MILLIS).atOffset(CHINA).toString());
    }

    @Test
    void personalDataIsMaskedInListAndDetail() {
        List<JsonNode> items = Reviews.listAll(token, "");
        String text = items.toString();
        for (Reviews.Registered p : persons) {
            String id = p.idCard();
            assertFalse(text.contains(id), () -> "full ID number in the list: " + id);
            assertFalse(text.contains(id.substring(4, 14)), () -> "the birth-date digits in the list: " + id);
            assertFalse(text.contains((String) p.body().get("phone")), "full phone in the list");
            JsonNode item = Reviews.find(items, "personId", p.subjectId()).orElseThrow();
            assertEquals(id.substring(0, 4) + "**********" + id.substring(14), item.path("subject").path("idCardMasked").asText(),
                    item::toString);
        }
        for (int i = 0; i < persons.size(); i++) {
            Reviews.Registered p = persons.get(i);
            E2E.Resp d = Reviews.detail(token, personReviews.get(i));
            assertEquals(200, d.status(), d::toString);
            assertFalse(d.text().contains(p.idCard()), () -> "full ID number in the detail: " + d);
            String phone = (String) p.body().get("phone");
            assertFalse(d.text().contains(phone), () -> "full phone in the detail: " + d);
            assertEquals(phone.substring(0, 3) + "****" + phone.substring(7), d.json().path("detail").path("phoneMasked").asText(),
                    d::toString);
            assertFalse(d.text().contains("passw") || d.text().contains("pbkdf2") || d.text().contains("taskToken"),
                    () -> "secrets in the detail: " + d);
        }
        String unitText = Reviews.detail(token, unitReview).text();
        assertFalse(unitText.contains(unit.idCard()), "the unit admin's ID number in the detail");
    }

    @Test
    void detailHasTheReviewTheSubjectAndTheSteps() {
        Reviews.Registered p = persons.get(4);
        String reviewId = personReviews.get(4);
        JsonNode d = Reviews.detail(token, reviewId).json();
        assertEquals(reviewId, d.path("reviewId").asText(), d::toString);
        assertEquals("PERSON_REGISTRATION", d.path("kind").asText(), d::toString);
        assertEquals("PENDING", d.path("status").asText(), d::toString);
        OffsetDateTime.parse(d.path("submittedAt").asText());
        assertEquals(p.subjectId(), d.path("subject").path("personId").asText(), d::toString);
        assertEquals(p.name(), d.path("detail").path("name").asText(), d::toString);
        assertEquals("卫生技术人员", d.path("detail").path("titleSeries").asText(), d::toString);
        assertEquals("中级", d.path("detail").path("titleLevel").asText(), d::toString);
        assertEquals(tree.unit().orgId(), d.path("detail").path("unitOrgId").asText(), d::toString);
        assertEquals(1, d.path("steps").size(), d::toString);
        JsonNode step = d.path("steps").get(0);
        assertEquals(0, step.path("stageIndex").asInt(-1), d::toString);
        assertEquals(tree.dept().orgId(), step.path("orgId").asText(), d::toString);
        assertEquals("PENDING", step.path("status").asText(), d::toString);

        JsonNode rejected = Reviews.detail(token, rejectedReview).json();
        assertEquals("列表测试驳回", rejected.path("steps").get(0).path("comment").asText(), rejected::toString);
        OffsetDateTime.parse(rejected.path("decidedAt").asText());
        Fixtures.assertError(Reviews.detail(token, "r_no_such_review"), 404, "NOT_FOUND");
    }

    @Test
    void badParametersAre400() {
        assertValidation(list("kind=FOO"), "kind");
        assertValidation(list("kind=person_registration"), "kind");
        assertValidation(list("status=DONE"), "status");
        assertValidation(list("status=pending"), "status");
        assertValidation(list("limit=0"), "limit");
        assertValidation(list("limit=101"), "limit");
        assertValidation(list("limit=-1"), "limit");
        assertValidation(list("limit=abc"), "limit");
        assertValidation(list("limit=2.5"), "limit");
        assertInvalidCursor(list("cursor=not-a-cursor"));
        assertInvalidCursor(list("cursor=" + Base64.getUrlEncoder().encodeToString("{\"x\":1}".getBytes(StandardCharsets.UTF_8))));
        assertValidation(list("q=" + enc("长".repeat(51))), "q");
        assertValidation(list("from=yesterday"), "from");
        assertValidation(list("to=2026-13-01"), "to");
        assertValidation(list("from=2026-02-30"), "from");
        assertValidation(list("from=1999-12-31"), "from");
        assertValidation(list("to=2101-01-01"), "to");
        assertValidation(list("to=" + enc("+999999999-12-31T00:00:00Z")), "to");
        assertValidation(list("from=" + enc("0001-01-01T00:00:00+08:00") + "&status=PENDING"), "from");
        assertValidation(list("from=2026-06-01&to=2026-05-01&status=PENDING"), "from");
        assertEquals(200, list("from=2000-01-01&to=2100-12-31&status=PENDING").status());
        assertEquals(200, list("limit=100").status());
        assertEquals(200, list("limit=1").status());
    }

    @Test
    void aCursorOnlyWorksForTheQueryAndQueueItCameFrom() {
        E2E.Resp byKind = list("kind=PERSON_REGISTRATION&limit=2");
        String kindCursor = byKind.json().path("nextCursor").asText();
        assertInvalidCursor(list("limit=2&cursor=" + enc(kindCursor)));
        assertInvalidCursor(list("kind=UNIT_REGISTRATION&limit=2&cursor=" + enc(kindCursor)));
        assertInvalidCursor(list("kind=PERSON_REGISTRATION&status=PENDING&limit=2&cursor=" + enc(kindCursor)));
        assertInvalidCursor(list("kind=PERSON_REGISTRATION&q=x&limit=2&cursor=" + enc(kindCursor)));
        assertEquals(200, list("kind=PERSON_REGISTRATION&limit=2&cursor=" + enc(kindCursor)).status());
        String tampered = kindCursor.charAt(0) == 'e' ? "f" + kindCursor.substring(1) : "e" + kindCursor.substring(1);
        assertInvalidCursor(list("kind=PERSON_REGISTRATION&limit=2&cursor=" + enc(tampered)));

        Reviews.Tree other = Reviews.tree("游标");
        Reviews.Registered p = Reviews.registerPerson(other.unit().orgId());
        Reviews.awaitPendingPerson(other.deptToken(), p.subjectId());
        String mine = list("limit=2").json().path("nextCursor").asText();
        E2E.Resp foreign = E2E.get("/v1/reviews?limit=2&cursor=" + enc(mine), other.deptToken());
        assertInvalidCursor(foreign);
    }

    /** A cursor that is not one this list handed out: 400 INVALID_CURSOR naming the cursor. */
    static void assertInvalidCursor(E2E.Resp r) {
        assertTrue(Fixtures.fields(assertError(r, 400, "INVALID_CURSOR")).contains("cursor"), r::toString);
    }
}
