package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static cn.hbce.devserver.e2e.Reviews.approve;
import static cn.hbce.devserver.e2e.Reviews.ids;
import static cn.hbce.devserver.e2e.Reviews.reject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * PERSON_REGISTRATION end to end: who decides (a unit's or base's supervising department, or the
 * person's own department), the queue and to-do count, one batch approving and rejecting, the
 * effects at login, re-registration after a rejection, 409 for pending/approved ID numbers, and a
 * double submit.
 */
class PersonRegistrationReviewIT {

    @Test
    void aPersonOfAUnitIsDecidedByTheUnitsSupervisingDepartment() {
        Reviews.Tree t = Reviews.tree("人单");
        Reviews.Registered p = Reviews.registerPerson(t.unit().orgId());

        JsonNode item = Reviews.awaitPending(t.deptToken(), "PERSON_REGISTRATION", "personId", p.subjectId());
        assertListItem(item, p, t.unit());
        assertEquals(1, Reviews.todo(t.deptToken(), "PERSON_REGISTRATION"));
        assertEquals(1, Reviews.todoTotal(t.deptToken()));

        String unitToken = Fixtures.token(t.unit());
        assertEquals(List.of(), Reviews.listAll(unitToken, ""), "the person's own unit does not decide");
        assertEquals(0, Reviews.todoTotal(unitToken));
        assertError(Fixtures.login("PERSON", p.idCard(), p.password()), 403, "ACCOUNT_PENDING");
    }

    @Test
    void aPersonOfABaseIsDecidedByTheBasesSupervisingDepartment() {
        Reviews.Tree t = Reviews.tree("人基");
        Reviews.Registered p = Reviews.registerPerson(t.base().orgId());

        JsonNode item = Reviews.awaitPending(t.deptToken(), "PERSON_REGISTRATION", "personId", p.subjectId());
        assertListItem(item, p, t.base());
        assertEquals(1, Reviews.todo(t.deptToken(), "PERSON_REGISTRATION"));
        assertEquals(List.of(), Reviews.listAll(Fixtures.token(t.base()), ""), "the person's own base does not decide");
    }

    @Test
    void aPersonOfADepartmentIsDecidedByThatDepartment() {
        Reviews.Tree t = Reviews.tree("人部");
        Reviews.Registered p = Reviews.registerPerson(t.dept().orgId());

        JsonNode item = Reviews.awaitPending(t.deptToken(), "PERSON_REGISTRATION", "personId", p.subjectId());
        assertListItem(item, p, t.dept());
        assertEquals(1, Reviews.todo(t.deptToken(), "PERSON_REGISTRATION"));
        String rootToken = Fixtures.rootToken();
        assertTrue(Reviews.find(Reviews.listAll(rootToken, "kind=PERSON_REGISTRATION&q=" + Reviews.enc(p.name())),
                "personId", p.subjectId()).isEmpty(), "the department's parent does not decide it");
    }

    @Test
    void approveAndRejectInOneBatchThenLoginWorksOrIsRefused() {
        Reviews.Tree t = Reviews.tree("批");
        Reviews.Registered yes = Reviews.registerPerson(t.unit().orgId());
        Reviews.Registered no = Reviews.registerPerson(t.unit().orgId());
        String yesReview = Reviews.awaitPendingPerson(t.deptToken(), yes.subjectId());
        String noReview = Reviews.awaitPendingPerson(t.deptToken(), no.subjectId());
        assertEquals(2, Reviews.todo(t.deptToken(), "PERSON_REGISTRATION"));

        E2E.Resp r = Reviews.decide(t.deptToken(), approve(yesReview), reject(noReview, "职称证书与申报不符"));
        assertEquals(Map.of(yesReview, "DONE", noReview, "DONE"), Reviews.outcomes(r, yesReview, noReview));

        JsonNode approved = Reviews.awaitStatus(t.deptToken(), yesReview, "APPROVED");
        assertTrue(OffsetDateTime.parse(approved.path("decidedAt").asText()).isAfter(
                OffsetDateTime.parse(approved.path("submittedAt").asText()).minusSeconds(1)), approved::toString);
        JsonNode rejected = Reviews.awaitStatus(t.deptToken(), noReview, "REJECTED");
        JsonNode step = rejected.path("steps").get(0);
        assertEquals(t.dept().orgId(), step.path("orgId").asText(), rejected::toString);
        assertEquals("REJECTED", step.path("status").asText(), rejected::toString);
        assertEquals("职称证书与申报不符", step.path("comment").asText(), rejected::toString);

        E2E.Resp login = Fixtures.login("PERSON", yes.idCard(), yes.password());
        assertEquals(200, login.status(), login::toString);
        assertEquals("PERSON", login.json().path("user").path("userType").asText(), login::toString);
        assertEquals(yes.subjectId(), login.json().path("user").path("personId").asText(), login::toString);
        assertEquals(t.unit().orgId(), login.json().path("user").path("orgId").asText(), login::toString);
        assertError(Fixtures.login("PERSON", no.idCard(), no.password()), 403, "ACCOUNT_REJECTED");

        assertEquals(0, Reviews.todoTotal(t.deptToken()));
        assertEquals(List.of(yesReview), ids(Reviews.listAll(t.deptToken(), "status=APPROVED")));
        assertEquals(List.of(noReview), ids(Reviews.listAll(t.deptToken(), "status=REJECTED")));
        assertEquals(List.of(), Reviews.listAll(t.deptToken(), "status=PENDING"));
    }

    @Test
    void aRejectedPersonMayRegisterAgainAndGetsANewPendingReview() {
        Reviews.Tree t = Reviews.tree("重");
        Map<String, Object> body = TestData.personRegistration(t.unit().orgId());
        Reviews.Registered first = Reviews.registerPerson(body);
        String firstReview = Reviews.awaitPendingPerson(t.deptToken(), first.subjectId());
        assertEquals("DONE", Reviews.outcome(Reviews.decide(t.deptToken(), reject(firstReview, "单位信息有误")), firstReview));
        Reviews.awaitStatus(t.deptToken(), firstReview, "REJECTED");
        assertError(Fixtures.login("PERSON", first.idCard(), first.password()), 403, "ACCOUNT_REJECTED");

        Map<String, Object> again = E2E.with(E2E.with(body, "phone", TestData.phone()), "unitOrgId", t.base().orgId());
        Reviews.Registered second = Reviews.registerPerson(again);
        assertNotEquals(first.subjectId(), second.subjectId(), "a new registration, not the rejected one revived");
        String secondReview = Reviews.awaitPendingPerson(t.deptToken(), second.subjectId());
        assertNotEquals(firstReview, secondReview);
        assertEquals(1, Reviews.todo(t.deptToken(), "PERSON_REGISTRATION"));
        assertEquals("REJECTED", Reviews.detail(t.deptToken(), firstReview).json().path("status").asText(),
                "the old review keeps its outcome");
        assertError(Fixtures.login("PERSON", first.idCard(), first.password()), 403, "ACCOUNT_PENDING");

        assertEquals("DONE", Reviews.outcome(Reviews.decide(t.deptToken(), approve(secondReview)), secondReview));
        Reviews.awaitStatus(t.deptToken(), secondReview, "APPROVED");
        E2E.Resp login = Fixtures.login("PERSON", first.idCard(), first.password());
        assertEquals(200, login.status(), login::toString);
        assertEquals(second.subjectId(), login.json().path("user").path("personId").asText(), login::toString);
        assertEquals(t.base().orgId(), login.json().path("user").path("orgId").asText(), login::toString);
    }

    @Test
    void aPendingOrApprovedIdNumberIs409AlreadyRegisteredAndStartsNoReview() {
        Reviews.Tree t = Reviews.tree("复");
        Map<String, Object> body = TestData.personRegistration(t.unit().orgId());
        Reviews.Registered p = Reviews.registerPerson(body);
        String review = Reviews.awaitPendingPerson(t.deptToken(), p.subjectId());

        Map<String, Object> other = E2E.with(E2E.with(body, "phone", TestData.phone()), "name", TestData.personName("复"));
        assertError(E2E.post("/v1/registrations/persons", other), 409, "ALREADY_REGISTERED");
        assertError(E2E.post("/v1/registrations/persons", E2E.with(other, "unitOrgId", t.dept().orgId())), 409,
                "ALREADY_REGISTERED");

        assertEquals("DONE", Reviews.outcome(Reviews.decide(t.deptToken(), approve(review)), review));
        Reviews.awaitStatus(t.deptToken(), review, "APPROVED");
        assertError(E2E.post("/v1/registrations/persons", other), 409, "ALREADY_REGISTERED");

        assertEquals(List.of(review), ids(Reviews.listAll(t.deptToken(), "")), "the refused submissions started no review");
        assertEquals(0, Reviews.todoTotal(t.deptToken()));
        assertEquals(200, Fixtures.login("PERSON", p.idCard(), p.password()).status(), "the approved person is unaffected");
    }

    @Test
    void aDoubleSubmitCreatesOneRegistration() {
        Reviews.Tree t = Reviews.tree("双");
        Map<String, Object> body = TestData.personRegistration(t.unit().orgId());
        List<Callable<E2E.Resp>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> E2E.post("/v1/registrations/persons", body));
        }
        List<E2E.Resp> answers = E2E.concurrently(calls);
        List<E2E.Resp> created = answers.stream().filter(a -> a.status() == 201).toList();
        assertEquals(1, created.size(), () -> "exactly one 201: " + answers);
        answers.stream().filter(a -> a.status() != 201).forEach(a -> assertError(a, 409, "ALREADY_REGISTERED"));

        String personId = created.get(0).json().path("personId").asText();
        String review = Reviews.awaitPendingPerson(t.deptToken(), personId);
        List<JsonNode> all = Reviews.listAll(t.deptToken(), "");
        assertEquals(List.of(review), ids(all), () -> "one review for the double submit: " + all);
        assertEquals(1, Reviews.todo(t.deptToken(), "PERSON_REGISTRATION"));
    }

    @Test
    void aPersonCannotRegisterAtHrssOrAPendingOrg() {
        Fixtures.assertValidation(E2E.post("/v1/registrations/persons", TestData.personRegistration(Fixtures.ROOT_ORG_ID)),
                "unitOrgId");
        Fixtures.Dept pending = Fixtures.registerDepartment();
        Fixtures.assertValidation(E2E.post("/v1/registrations/persons", TestData.personRegistration(pending.orgId())),
                "unitOrgId");
    }

    // ------------------------------------------------------------------ helpers

    static void assertListItem(JsonNode item, Reviews.Registered p, Fixtures.ApprovedOrg org) {
        assertFalse(item.path("reviewId").asText("").isBlank(), item::toString);
        assertEquals("PERSON_REGISTRATION", item.path("kind").asText(), item::toString);
        assertEquals("PENDING", item.path("status").asText(), item::toString);
        OffsetDateTime.parse(item.path("submittedAt").asText());
        assertTrue(item.path("decidedAt").isMissingNode() || item.path("decidedAt").isNull(), item::toString);
        JsonNode subject = item.path("subject");
        assertEquals(p.subjectId(), subject.path("personId").asText(), item::toString);
        assertEquals(p.name(), subject.path("name").asText(), item::toString);
        assertEquals(org.orgId(), subject.path("unitOrgId").asText(), item::toString);
        assertEquals(org.name(), subject.path("unitName").asText(), item::toString);
        String id = p.idCard();
        assertEquals(id.substring(0, 4) + "**********" + id.substring(14), subject.path("idCardMasked").asText(), item::toString);
        assertFalse(item.toString().contains(id), () -> "full ID number in a list item: " + item);
    }
}
