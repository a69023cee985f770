package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static cn.hbce.devserver.e2e.Reviews.approve;
import static cn.hbce.devserver.e2e.Reviews.reject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.org.OrgType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * UNIT_REGISTRATION, BASE_REGISTRATION and DEPARTMENT_REGISTRATION end to end, each decided by the
 * chosen superior (a fresh approved department here): queue and to-do count, the new admin behind
 * ORG_NOT_APPROVED, one batch approving and rejecting, the effects, re-registration after a
 * rejection, deciding twice, and a race of two deciders.
 */
class OrgRegistrationReviewIT {

    /** The registration route, the review kind and the admin's userType of each org kind. */
    record Kind(String path, String reviewKind, String userType) {
        static Kind of(String path) {
            return switch (path) {
                case "units" -> new Kind(path, "UNIT_REGISTRATION", "UNIT");
                case "bases" -> new Kind(path, "BASE_REGISTRATION", "BASE");
                case "departments" -> new Kind(path, "DEPARTMENT_REGISTRATION", "DEPARTMENT");
                default -> throw new IllegalArgumentException(path);
            };
        }

        Map<String, Object> body(String superiorOrgId) {
            return path.equals("departments") ? TestData.departmentRegistration(superiorOrgId)
                    : TestData.supervisedOrgRegistration(superiorOrgId, path.equals("units") ? "单位" : "基地");
        }

        Reviews.Registered register(String superiorOrgId) {
            return Reviews.registerOrg(path, body(superiorOrgId));
        }

        String adminToken(Reviews.Registered org) {
            return Fixtures.token(userType, org.idCard(), org.password());
        }
    }

    private static Fixtures.ApprovedOrg freshDepartment(String tag) {
        return Fixtures.approvedOrg(OrgType.DEPARTMENT, Fixtures.ROOT_ORG_ID, TestData.orgName("部门", tag));
    }

    private static List<String> lookupIds(String name) {
        E2E.Resp r = E2E.get("/v1/orgs/lookup?q=" + Reviews.enc(name));
        assertEquals(200, r.status(), r::toString);
        List<String> out = new ArrayList<>();
        r.json().path("items").forEach(i -> out.add(i.path("orgId").asText()));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"units", "bases", "departments"})
    void aSubmissionAppearsInTheSuperiorsQueueAndTodoWhileItsAdminIsGated(String path) {
        Kind k = Kind.of(path);
        Fixtures.ApprovedOrg superior = freshDepartment("组" + k.userType());
        String superiorToken = Fixtures.token(superior);
        Reviews.Registered org = k.register(superior.orgId());

        JsonNode item = Reviews.awaitPending(superiorToken, k.reviewKind(), "orgId", org.subjectId());
        assertEquals(k.reviewKind(), item.path("kind").asText(), item::toString);
        JsonNode subject = item.path("subject");
        assertEquals(org.name(), subject.path("name").asText(), item::toString);
        assertEquals(k.userType(), subject.path("type").asText(), item::toString);
        assertEquals(org.body().get("creditCode"), subject.path("creditCode").asText(), item::toString);
        String phone = (String) ((Map<?, ?>) org.body().get("admin")).get("phone");
        assertEquals(phone.substring(0, 3) + "****" + phone.substring(7), subject.path("adminPhoneMasked").asText(), item::toString);
        assertEquals(1, Reviews.todo(superiorToken, k.reviewKind()));
        assertEquals(1, Reviews.todoTotal(superiorToken));

        JsonNode detail = Reviews.detail(superiorToken, item.path("reviewId").asText()).json();
        assertEquals(superior.orgId(), detail.path("detail").path("parentOrgId").asText(), detail::toString);
        assertEquals(superior.name(), detail.path("detail").path("parentName").asText(), detail::toString);
        String id = org.idCard();
        assertEquals(id.substring(0, 4) + "**********" + id.substring(14), detail.path("detail").path("adminIdCardMasked").asText(),
                detail::toString);
        assertFalse(detail.toString().contains(id), () -> "full ID number in the detail: " + detail);
        assertFalse(detail.toString().contains(phone), () -> "full phone in the detail: " + detail);

        String adminToken = k.adminToken(org);
        assertError(E2E.get("/v1/todo", adminToken), 403, "ORG_NOT_APPROVED");
        assertError(E2E.get("/v1/reviews", adminToken), 403, "ORG_NOT_APPROVED");
        assertFalse(lookupIds(org.name()).contains(org.subjectId()), "a pending org is not offered in lookups");
    }

    @ParameterizedTest
    @ValueSource(strings = {"units", "bases", "departments"})
    void approveAndRejectInOneBatchThenTheApprovedAdminLeavesTheGateAndTheRejectedIsRefused(String path) {
        Kind k = Kind.of(path);
        Fixtures.ApprovedOrg superior = freshDepartment("批" + k.userType());
        String superiorToken = Fixtures.token(superior);
        Reviews.Registered yes = k.register(superior.orgId());
        Reviews.Registered no = k.register(superior.orgId());
        String yesToken = k.adminToken(yes);
        String noToken = k.adminToken(no);
        String yesReview = Reviews.awaitPendingOrg(superiorToken, k.reviewKind(), yes.subjectId());
        String noReview = Reviews.awaitPendingOrg(superiorToken, k.reviewKind(), no.subjectId());
        assertEquals(2, Reviews.todo(superiorToken, k.reviewKind()));

        E2E.Resp r = Reviews.decide(superiorToken, approve(yesReview), reject(noReview, "统一社会信用代码与名称不符"));
        assertEquals(Map.of(yesReview, "DONE", noReview, "DONE"), Reviews.outcomes(r, yesReview, noReview));
        Reviews.awaitStatus(superiorToken, yesReview, "APPROVED");
        Reviews.awaitStatus(superiorToken, noReview, "REJECTED");
        assertEquals(0, Reviews.todoTotal(superiorToken));

        E2E.Resp todo = E2E.get("/v1/todo", yesToken);
        assertEquals(200, todo.status(), () -> "the approved org's admin (token from before the approval): " + todo);
        assertEquals(0, todo.json().path("total").asLong(-1), todo::toString);
        assertEquals(200, E2E.get("/v1/reviews", yesToken).status());
        assertEquals("APPROVED", E2E.get("/v1/org", yesToken).json().path("status").asText());
        assertEquals(200, E2E.get("/v1/todo", k.adminToken(yes)).status(), "a fresh login works too");
        assertTrue(lookupIds(yes.name()).contains(yes.subjectId()), "the approved org is offered in lookups");

        assertError(Fixtures.login(k.userType(), no.idCard(), no.password()), 403, "ACCOUNT_REJECTED");
        assertError(E2E.get("/v1/todo", noToken), 403, "ORG_NOT_APPROVED");
        assertEquals("REJECTED", E2E.get("/v1/org", noToken).json().path("status").asText());
        assertFalse(lookupIds(no.name()).contains(no.subjectId()), "a rejected org is not offered in lookups");
    }

    @ParameterizedTest
    @ValueSource(strings = {"units", "bases", "departments"})
    void afterARejectionTheCreditCodeMayRegisterAgain(String path) {
        Kind k = Kind.of(path);
        Fixtures.ApprovedOrg superior = freshDepartment("再" + k.userType());
        String superiorToken = Fixtures.token(superior);
        Reviews.Registered first = k.register(superior.orgId());
        String firstReview = Reviews.awaitPendingOrg(superiorToken, k.reviewKind(), first.subjectId());
        assertEquals("DONE", Reviews.outcome(Reviews.decide(superiorToken, reject(firstReview, "请补充材料")), firstReview));
        Reviews.awaitStatus(superiorToken, firstReview, "REJECTED");

        Map<String, Object> again = E2E.with(k.body(superior.orgId()), "creditCode", first.body().get("creditCode"));
        Reviews.Registered second = Reviews.registerOrg(path, again);
        String secondReview = Reviews.awaitPendingOrg(superiorToken, k.reviewKind(), second.subjectId());
        assertFalse(secondReview.equals(firstReview));
        assertEquals(List.of(secondReview), Reviews.listAll(superiorToken, "status=PENDING").stream()
                .map(i -> i.path("reviewId").asText()).toList());
        assertEquals(200, E2E.get("/v1/org", k.adminToken(second)).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"units", "bases", "departments"})
    void afterARejectionTheSameAdminMayRegisterTheOrgAgain(String path) {
        Kind k = Kind.of(path);
        Fixtures.ApprovedOrg superior = freshDepartment("同" + k.userType());
        String superiorToken = Fixtures.token(superior);
        Map<String, Object> body = k.body(superior.orgId());
        Reviews.Registered first = Reviews.registerOrg(path, body);
        String firstReview = Reviews.awaitPendingOrg(superiorToken, k.reviewKind(), first.subjectId());
        assertEquals("DONE", Reviews.outcome(Reviews.decide(superiorToken, reject(firstReview, "名称有误")), firstReview));
        Reviews.awaitStatus(superiorToken, firstReview, "REJECTED");

        Map<String, Object> corrected = E2E.with(body, "name", TestData.orgName("更正", "同"));
        E2E.Resp r = E2E.post("/v1/registrations/" + path, corrected);
        assertEquals(201, r.status(), () -> "re-registration by the rejected org's admin: " + r);
        String orgId = r.json().path("orgId").asText();
        Reviews.awaitPendingOrg(superiorToken, k.reviewKind(), orgId);
        E2E.Resp login = Fixtures.login(k.userType(), first.idCard(), first.password());
        assertEquals(200, login.status(), () -> "the admin signs in to the new registration: " + login);
        assertEquals(orgId, login.json().path("user").path("orgId").asText(), login::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"units", "bases", "departments"})
    void decidingTwiceIsAlreadyDecided(String path) {
        Kind k = Kind.of(path);
        Fixtures.ApprovedOrg superior = freshDepartment("二" + k.userType());
        String superiorToken = Fixtures.token(superior);
        Reviews.Registered org = k.register(superior.orgId());
        String review = Reviews.awaitPendingOrg(superiorToken, k.reviewKind(), org.subjectId());

        assertEquals("DONE", Reviews.outcome(Reviews.decide(superiorToken, approve(review)), review));
        assertEquals("ALREADY_DECIDED", Reviews.outcome(Reviews.decide(superiorToken, approve(review)), review));
        Reviews.awaitStatus(superiorToken, review, "APPROVED");
        assertEquals("ALREADY_DECIDED", Reviews.outcome(Reviews.decide(superiorToken, reject(review, "改判")), review));
        assertEquals("APPROVED", Reviews.detail(superiorToken, review).json().path("status").asText());
        assertEquals("APPROVED", E2E.get("/v1/org", k.adminToken(org)).json().path("status").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"units", "bases", "departments"})
    void twoAdminsDecidingAtTheSameInstantGetExactlyOneDone(String path) {
        Kind k = Kind.of(path);
        Fixtures.ApprovedOrg superior = freshDepartment("抢" + k.userType());
        String superToken = Fixtures.token(superior);
        String reviewerToken = Fixtures.token("DEPARTMENT", Fixtures.extraAdmin(superior,
                Fixtures.role(superior.orgId(), "review.registration")), TestData.PASSWORD);
        Reviews.Registered org = k.register(superior.orgId());
        String review = Reviews.awaitPendingOrg(superToken, k.reviewKind(), org.subjectId());
        assertEquals(1, Reviews.todo(reviewerToken, k.reviewKind()), "the second admin's role grants the queue");

        List<Callable<E2E.Resp>> calls = List.of(
                () -> Reviews.decide(superToken, approve(review)),
                () -> Reviews.decide(reviewerToken, reject(review, "并发驳回")));
        List<E2E.Resp> answers = E2E.concurrently(calls);
        String approveOutcome = Reviews.outcome(answers.get(0), review);
        String rejectOutcome = Reviews.outcome(answers.get(1), review);
        assertEquals(List.of("ALREADY_DECIDED", "DONE"), List.of(approveOutcome, rejectOutcome).stream().sorted().toList(),
                () -> "exactly one DONE: " + answers);
        boolean approved = approveOutcome.equals("DONE");
        Reviews.awaitStatus(superToken, review, approved ? "APPROVED" : "REJECTED");
        if (approved) {
            assertEquals(200, E2E.get("/v1/todo", k.adminToken(org)).status());
        } else {
            assertError(Fixtures.login(k.userType(), org.idCard(), org.password()), 403, "ACCOUNT_REJECTED");
        }
    }

    @Test
    void aDepartmentUnderHrssIsDecidedByHrss() {
        String rootToken = Fixtures.rootToken();
        Reviews.Registered dept = Kind.of("departments").register(Fixtures.ROOT_ORG_ID);
        String review = Reviews.awaitPendingOrg(rootToken, "DEPARTMENT_REGISTRATION", dept.subjectId());
        assertTrue(Reviews.todo(rootToken, "DEPARTMENT_REGISTRATION") >= 1);
        assertEquals("DONE", Reviews.outcome(Reviews.decide(rootToken, approve(review)), review));
        Reviews.awaitStatus(rootToken, review, "APPROVED");
        E2E.Resp todo = E2E.get("/v1/todo", Fixtures.token("DEPARTMENT", dept.idCard(), dept.password()));
        assertEquals(200, todo.status(), todo::toString);
    }
}
