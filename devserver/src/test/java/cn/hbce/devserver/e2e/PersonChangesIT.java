package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.E2E.obj;
import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static cn.hbce.devserver.e2e.Fixtures.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.AppContext;
import cn.hbce.account.PersonRegistration;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.bootstrap.Bootstrap;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * 人员信息修改 (PERSON_CHANGE) end to end: a professional of a unit asks 中级 → 副高级, the unit's
 * supervising department sees before and after and decides, GET /v1/me shows the result; one
 * request pending at a time (also under a race); a rejection changes nothing; another department
 * never sees it.
 */
class PersonChangesIT {

    /** An approved professional of {@code orgId} (卫生技术人员 中级), made as the devserver seeds; returns the ID number. */
    private static String professional(String orgId) {
        E2E.server();
        String idCard = TestData.idCard();
        AppContext.get().bootstrap().ensurePerson(new Bootstrap.Account(idCard, "职称变更测试", TestData.phone(), TestData.PASSWORD),
                new PersonRegistration(orgId, RegistrationStatus.APPROVED, "卫生技术人员", "中级"));
        return idCard;
    }

    private static String personToken(String idCard) {
        return Fixtures.token("PERSON", idCard, TestData.PASSWORD);
    }

    private static JsonNode me(String token) {
        E2E.Resp r = E2E.get("/v1/me", token);
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    private static E2E.Resp ask(String token, String level) {
        return E2E.post("/v1/me/changes", obj("titleLevel", level, "titleObtainedOn", "2025-12-01", "reason", "已取得副高级职称"),
                token);
    }

    private static JsonNode myChanges(String token) {
        E2E.Resp r = E2E.get("/v1/me/changes", token);
        assertEquals(200, r.status(), r::toString);
        return r.json().path("items");
    }

    @Test
    void theSupervisingDepartmentSeesBeforeAndAfterAndApprovalChangesTheTitle() {
        Reviews.Tree t = Reviews.tree("职称变更");
        Reviews.Tree other = Reviews.tree("职称变更他部");
        String token = personToken(professional(t.unit().orgId()));
        String personId = me(token).path("personId").asText();

        String evidence = TrainingPlansIT.uploaded(token, "EVIDENCE", "副高级职称证书.pdf");
        E2E.Resp asked = E2E.post("/v1/me/changes", obj("titleLevel", "副高级", "titleObtainedOn", "2025-12-01",
                "reason", "已取得副高级职称", "evidenceFileIds", List.of(evidence)), token);
        assertEquals(202, asked.status(), asked::toString);
        String reviewId = asked.json().path("reviewId").asText();
        assertError(ask(token, "正高级"), 409, "CHANGE_PENDING");

        JsonNode item = Reviews.awaitPending(t.deptToken(), "PERSON_CHANGE", "personId", personId);
        assertEquals(reviewId, item.path("reviewId").asText());
        assertEquals(1, Reviews.todo(t.deptToken(), "PERSON_CHANGE"));
        JsonNode detail = Reviews.detail(t.deptToken(), reviewId).json();
        JsonNode level = detail.path("changes").get(0);
        assertEquals("titleLevel", level.path("field").asText(), detail::toString);
        assertEquals("中级", level.path("before").asText());
        assertEquals("副高级", level.path("after").asText());
        JsonNode obtained = detail.path("changes").get(1);
        assertEquals("titleObtainedOn", obtained.path("field").asText());
        assertTrue(obtained.path("before").isMissingNode(), "no date was on record");
        assertEquals("2025-12-01", obtained.path("after").asText());
        assertEquals(t.unit().orgId(), detail.path("detail").path("org").path("orgId").asText());
        assertEquals(personId, detail.path("detail").path("submitter").path("personId").asText());
        assertEquals("已取得副高级职称", detail.path("detail").path("reason").asText());
        JsonNode file = detail.path("detail").path("files").get(0);
        assertEquals("副高级职称证书.pdf", file.path("fileName").asText(), detail::toString);
        assertEquals(200, E2E.get(file.path("downloadUrl").asText(), t.deptToken()).status(), "the decider downloads the evidence");
        assertEquals(200, Uploads.download(token, evidence).status(), "the person downloads their own evidence");
        assertError(Uploads.download(other.deptToken(), evidence), 404, "NOT_FOUND");

        Fixtures.assertError(Reviews.detail(other.deptToken(), reviewId), 404, "NOT_FOUND");
        assertTrue(Reviews.find(Reviews.listAll(other.deptToken(), "kind=PERSON_CHANGE"), "personId", personId).isEmpty(),
                "a person of another department's unit is invisible to this department");
        assertEquals("NOT_FOUND", Reviews.outcome(Reviews.decide(other.deptToken(), Reviews.approve(reviewId)), reviewId));
        assertEquals("中级", me(token).path("titleLevel").asText(), "nothing changes before the decision");

        assertEquals("DONE", Reviews.outcome(Reviews.decide(t.deptToken(), Reviews.approve(reviewId)), reviewId));
        Reviews.awaitStatus(t.deptToken(), reviewId, "APPROVED");
        JsonNode after = Reviews.await("the approved title on GET /v1/me", () -> {
            JsonNode m = me(token);
            return "副高级".equals(m.path("titleLevel").asText()) ? java.util.Optional.of(m) : java.util.Optional.empty();
        });
        assertEquals("卫生技术人员", after.path("titleSeries").asText());
        assertEquals("2025-12-01", after.path("titleObtainedOn").asText());
        JsonNode mine = Reviews.await("the request to read APPROVED", () -> {
            JsonNode items = myChanges(token);
            return "APPROVED".equals(items.path(0).path("status").asText()) ? java.util.Optional.of(items)
                    : java.util.Optional.empty();
        });
        assertEquals(reviewId, mine.get(0).path("reviewId").asText());
        assertEquals(1, mine.size());
    }

    @Test
    void aRejectedRequestChangesNothingShowsTheCommentAndMayBeAskedAgain() {
        Reviews.Tree t = Reviews.tree("职称驳回");
        String token = personToken(professional(t.unit().orgId()));
        String personId = me(token).path("personId").asText();
        E2E.Resp asked = ask(token, "副高级");
        assertEquals(202, asked.status(), asked::toString);
        String reviewId = asked.json().path("reviewId").asText();
        Reviews.awaitPending(t.deptToken(), "PERSON_CHANGE", "personId", personId);

        assertEquals("DONE", Reviews.outcome(Reviews.decide(t.deptToken(), Reviews.reject(reviewId, "职称证书与申报不符")), reviewId));
        JsonNode mine = Reviews.await("the request to read REJECTED", () -> {
            JsonNode items = myChanges(token);
            return "REJECTED".equals(items.path(0).path("status").asText()) ? java.util.Optional.of(items)
                    : java.util.Optional.empty();
        });
        assertEquals("职称证书与申报不符", mine.get(0).path("comment").asText());
        JsonNode unchanged = me(token);
        assertEquals("中级", unchanged.path("titleLevel").asText());
        assertFalse(unchanged.has("titleObtainedOn"));

        E2E.Resp again = Reviews.await("a new request once the rejected one ended", () -> {
            E2E.Resp r = ask(token, "副高级");
            return r.status() == 409 ? java.util.Optional.empty() : java.util.Optional.of(r);
        });
        assertEquals(202, again.status(), again::toString);
        String second = again.json().path("reviewId").asText();
        assertEquals(second, Reviews.awaitPending(t.deptToken(), "PERSON_CHANGE", "personId", personId).path("reviewId").asText());
        JsonNode earlier = Reviews.detail(t.deptToken(), second).json();
        assertEquals("职称证书与申报不符", earlier.path("detail").path("earlierDecisions").get(0).path("comment").asText(),
                "the decider sees the earlier decision");
    }

    @Test
    void twoSimultaneousRequestsGiveExactlyOneReview() {
        Reviews.Tree t = Reviews.tree("职称并发");
        String token = personToken(professional(t.unit().orgId()));
        List<Callable<E2E.Resp>> calls = List.of(() -> ask(token, "副高级"), () -> ask(token, "正高级"));
        List<E2E.Resp> answers = E2E.concurrently(calls);
        List<Integer> statuses = answers.stream().map(E2E.Resp::status).sorted().toList();
        assertEquals(List.of(202, 409), statuses, answers::toString);
        answers.stream().filter(r -> r.status() == 409).forEach(r -> assertError(r, 409, "CHANGE_PENDING"));
    }

    @Test
    void invalidRequestsAreRefusedAndAdminsDoNotAsk() {
        Reviews.Tree t = Reviews.tree("职称校验");
        String token = personToken(professional(t.unit().orgId()));
        assertValidation(E2E.post("/v1/me/changes", obj("titleSeries", "不存在的系列"), token), "titleSeries");
        assertValidation(E2E.post("/v1/me/changes", obj("titleLevel", "特级"), token), "titleLevel");
        assertValidation(E2E.post("/v1/me/changes", obj("titleObtainedOn", "2099-01-01"), token), "titleObtainedOn");
        assertValidation(E2E.post("/v1/me/changes", obj("titleLevel", "中级"), token), "body");
        assertError(E2E.post("/v1/me/changes", obj("titleLevel", "副高级"), t.deptToken()), 403, "FORBIDDEN");
        assertError(E2E.get("/v1/me/changes", t.deptToken()), 403, "FORBIDDEN");
        assertEquals(0, myChanges(token).size(), "refused requests leave nothing");
        assertEquals(202, ask(token, "副高级").status(), "nor a pending mark");
    }
}
