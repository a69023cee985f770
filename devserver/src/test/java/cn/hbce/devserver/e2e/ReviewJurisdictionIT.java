package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static cn.hbce.devserver.e2e.Reviews.approve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.account.RegistrationStatus;
import cn.hbce.org.OrgType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jurisdiction matrix of the review routes: a department's reviews (a person's and a unit's
 * registration) are invisible to a second department, to the department's parent (HRSS), to a unit
 * admin under it, to an admin of the deciding department whose role lacks review.registration, to
 * a professional and to an anonymous caller — lists hold none of them, the detail is 404 (401
 * anonymous), decisions answer NOT_FOUND (or the route is refused) — and nothing gets decided: the
 * reviews stay PENDING for their real decider, who can still decide them.
 */
class ReviewJurisdictionIT {
    private static Reviews.Tree tree;
    private static Reviews.Registered person;
    private static Reviews.Registered unit;
    private static String personReview;
    private static String unitReview;

    @BeforeAll
    static void aDepartmentWithTwoPendingReviews() {
        tree = Reviews.tree("辖区");
        person = Reviews.registerPerson(tree.unit().orgId());
        unit = Reviews.registerOrg("units", TestData.supervisedOrgRegistration(tree.dept().orgId(), "单位"));
        personReview = Reviews.awaitPendingPerson(tree.deptToken(), person.subjectId());
        unitReview = Reviews.awaitPendingOrg(tree.deptToken(), "UNIT_REGISTRATION", unit.subjectId());
    }

    private static final String[] LIST_QUERIES = {
        "", "kind=PERSON_REGISTRATION", "kind=UNIT_REGISTRATION", "status=PENDING", "kind=PERSON_REGISTRATION&status=PENDING",
        "status=APPROVED", "status=REJECTED"};

    /** An admin of an approved org outside the decision: empty of these reviews everywhere, 404, NOT_FOUND. */
    private static void seesNothing(String who, String token) {
        seesNothing(who, token, true);
    }

    /**
     * As above; {@code holdsReviewPermissions} false for a caller without any review.* permission, whose
     * lists by kind answer 403 (the contract) while the lists without a kind are empty.
     */
    private static void seesNothing(String who, String token, boolean holdsReviewPermissions) {
        for (String q : LIST_QUERIES) {
            if (!holdsReviewPermissions && q.contains("kind=")) {
                assertError(E2E.get("/v1/reviews?" + q, token), 403, "FORBIDDEN");
                continue;
            }
            List<JsonNode> items = Reviews.listAll(token, q);
            String text = items.toString();
            assertFalse(text.contains(personReview) || text.contains(unitReview), () -> who + " lists them with ?" + q + ": " + text);
            assertFalse(text.contains(person.subjectId()) || text.contains(unit.subjectId()), () -> who + " lists the subjects: " + text);
        }
        for (String q : new String[] {"q=" + Reviews.enc(person.name()), "q=" + Reviews.enc(unit.name())}) {
            assertEquals(List.of(), Reviews.listAll(token, q), () -> who + " finds them by name");
        }
        for (String id : new String[] {personReview, unitReview}) {
            E2E.Resp d = Reviews.detail(token, id);
            assertError(d, 404, "NOT_FOUND");
            assertFalse(d.text().contains(person.subjectId()), d::toString);
        }
        E2E.Resp r = Reviews.decide(token, approve(personReview), approve(unitReview));
        assertEquals(Map.of(personReview, "NOT_FOUND", unitReview, "NOT_FOUND"), Reviews.outcomes(r, personReview, unitReview),
                () -> who + " decided: " + r);
        assertStillPendingForTheDecider();
    }

    private static void assertStillPendingForTheDecider() {
        for (String id : new String[] {personReview, unitReview}) {
            JsonNode d = Reviews.detail(tree.deptToken(), id).json();
            assertEquals("PENDING", d.path("status").asText(), d::toString);
            assertEquals("PENDING", d.path("steps").get(0).path("status").asText(), d::toString);
        }
        assertEquals(1, Reviews.todo(tree.deptToken(), "PERSON_REGISTRATION"));
        assertEquals(1, Reviews.todo(tree.deptToken(), "UNIT_REGISTRATION"));
        assertError(Fixtures.login("PERSON", person.idCard(), person.password()), 403, "ACCOUNT_PENDING");
    }

    @Test
    void aSecondDepartmentSeesNothing() {
        Fixtures.ApprovedOrg other = Fixtures.approvedOrg(OrgType.DEPARTMENT, Fixtures.ROOT_ORG_ID, TestData.orgName("部门", "邻"));
        String token = Fixtures.token(other);
        seesNothing("a second department", token);
        assertEquals(0, Reviews.todoTotal(token));
    }

    @Test
    void theDeciderOwnParentSeesNothing() {
        seesNothing("HRSS (the decider's parent)", Fixtures.rootToken());
    }

    @Test
    void aUnitAdminUnderTheDepartmentSeesNothing() {
        String token = Fixtures.token(tree.unit());
        seesNothing("the unit's admin", token);
        assertEquals(0, Reviews.todoTotal(token));
        seesNothing("the base's admin", Fixtures.token(tree.base()));
    }

    @Test
    void anAdminOfTheDecidingDepartmentWithoutReviewRegistrationSeesNothing() {
        String roleId = Fixtures.role(tree.dept().orgId(), "stats.view");
        String idCard = Fixtures.extraAdmin(tree.dept(), roleId);
        E2E.Resp login = Fixtures.login("DEPARTMENT", idCard, TestData.PASSWORD);
        assertEquals(200, login.status(), login::toString);
        assertEquals(tree.dept().orgId(), login.json().path("user").path("orgId").asText(), login::toString);
        assertEquals("[\"stats.view\"]", login.json().path("user").path("permissions").toString(), login::toString);
        String token = login.json().path("token").asText();

        assertEquals(List.of(), Reviews.listAll(token, ""));
        assertError(E2E.get("/v1/reviews?kind=PERSON_REGISTRATION", token), 403, "FORBIDDEN");
        assertError(E2E.get("/v1/reviews?kind=UNIT_REGISTRATION&status=PENDING", token), 403, "FORBIDDEN");
        assertEquals(List.of(), Reviews.listAll(token, "status=PENDING"));
        assertEquals(0, Reviews.todoTotal(token));
        assertEquals(0, E2E.get("/v1/todo", token).json().path("items").size());
        seesNothing("a department admin without review.registration", token, false);
    }

    @Test
    void anAdminWithoutTheReviewPermissionGetsNoCursorIntoTheQueue() {
        String token = Fixtures.token("DEPARTMENT", Fixtures.extraAdmin(tree.dept(), Fixtures.role(tree.dept().orgId(),
                "stats.view")), TestData.PASSWORD);
        E2E.Resp page = E2E.get("/v1/reviews?limit=1", token);
        assertEquals(200, page.status(), page::toString);
        assertEquals(0, page.json().path("items").size(), page::toString);
        JsonNode next = page.json().path("nextCursor");
        assertTrue(next.isNull() || next.isMissingNode(), () -> "a cursor into an invisible queue: " + page);
    }

    @Test
    void anAdminWithNoRoleAtAllSeesNothing() {
        String token = Fixtures.token("DEPARTMENT", Fixtures.extraAdmin(tree.dept(), null), TestData.PASSWORD);
        assertEquals(List.of(), Reviews.listAll(token, ""));
        assertEquals(0, Reviews.todoTotal(token));
        seesNothing("a department admin without a role", token, false);
    }

    @Test
    void aProfessionalIsRefusedEveryReviewRoute() {
        for (String token : new String[] {Fixtures.token("PERSON", Fixtures.PERSON_ID_CARD, Fixtures.DEMO_PASSWORD),
                professionalOfTheUnit()}) {
            assertError(E2E.get("/v1/reviews", token), 403, "FORBIDDEN");
            assertError(E2E.get("/v1/reviews?kind=PERSON_REGISTRATION", token), 403, "FORBIDDEN");
            assertError(Reviews.detail(token, personReview), 403, "FORBIDDEN");
            assertError(Reviews.decide(token, approve(personReview), approve(unitReview)), 403, "FORBIDDEN");
            assertError(E2E.get("/v1/todo", token), 403, "FORBIDDEN");
        }
        assertStillPendingForTheDecider();
    }

    /** An approved professional of the very unit whose person's registration is pending. */
    private static String professionalOfTheUnit() {
        String idCard = TestData.idCard();
        cn.hbce.AppContext.get().bootstrap().ensurePerson(
                new cn.hbce.bootstrap.Bootstrap.Account(idCard, "本单位专技人员", TestData.phone(), TestData.PASSWORD),
                new cn.hbce.account.PersonRegistration(tree.unit().orgId(), RegistrationStatus.APPROVED, "卫生技术人员", "中级"));
        return Fixtures.token("PERSON", idCard, TestData.PASSWORD);
    }

    @Test
    void anAnonymousCallerIs401Everywhere() {
        assertError(E2E.get("/v1/reviews"), 401, "UNAUTHENTICATED");
        assertError(E2E.get("/v1/reviews/" + personReview), 401, "UNAUTHENTICATED");
        assertError(E2E.post("/v1/reviews/decisions", E2E.obj("decisions", List.of(approve(personReview)))), 401, "UNAUTHENTICATED");
        assertError(E2E.get("/v1/todo"), 401, "UNAUTHENTICATED");
        assertError(E2E.send("GET", "/v1/reviews", null, "not-a-token", null), 401, "UNAUTHENTICATED");
        assertError(E2E.send("POST", "/v1/reviews/decisions",
                E2E.bytes(E2E.obj("decisions", List.of(approve(personReview)))), "not-a-token", "application/json"), 401,
                "UNAUTHENTICATED");
        assertStillPendingForTheDecider();
    }

    @Test
    void theAdminOfAnOrgUnderReviewIsGated() {
        String token = Fixtures.token("UNIT", unit.idCard(), unit.password());
        assertError(E2E.get("/v1/reviews", token), 403, "ORG_NOT_APPROVED");
        assertError(Reviews.detail(token, unitReview), 403, "ORG_NOT_APPROVED");
        assertError(Reviews.decide(token, approve(unitReview)), 403, "ORG_NOT_APPROVED");
        assertStillPendingForTheDecider();
    }

    @Test
    void theRealDeciderSeesAndCanDecideBoth() {
        List<JsonNode> items = Reviews.listAll(tree.deptToken(), "status=PENDING");
        assertTrue(items.toString().contains(personReview) && items.toString().contains(unitReview), items::toString);
        assertEquals(200, Reviews.detail(tree.deptToken(), personReview).status());
        // Deciding would change what the other tests of this class assert; a second, identical pair is decided instead.
        Reviews.Registered p = Reviews.registerPerson(tree.base().orgId());
        String review = Reviews.awaitPendingPerson(tree.deptToken(), p.subjectId());
        assertEquals("DONE", Reviews.outcome(Reviews.decide(tree.deptToken(), approve(review)), review));
        Reviews.awaitStatus(tree.deptToken(), review, "APPROVED");
    }
}
