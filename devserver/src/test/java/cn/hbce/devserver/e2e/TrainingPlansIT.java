package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.E2E.obj;
import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static cn.hbce.devserver.e2e.Fixtures.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * 培训计划管理 end to end: a base submits an annual plan, a plan declaration with two courses and an
 * annual summary; its supervising department reviews them through /v1/reviews (one approval, one
 * rejection with a comment, then a batch); the base sees statuses and comments; a second pending
 * ANNUAL_PLAN of the year is 409; another department gets 404 for the plans.
 */
class TrainingPlansIT {

    private static Map<String, Object> course(String title, String category, double hours) {
        return obj("title", title, "category", category, "hours", hours, "startDate", "2027-04-01", "endDate", "2027-04-03",
                "capacity", 60);
    }

    /** A READY upload for a plan (start, PUT, complete); returns its fileId. */
    static String uploaded(String token, String purpose, String fileName) {
        byte[] body = Uploads.pdf(2048);
        E2E.Resp started = Uploads.start(token, purpose, fileName, Uploads.PDF, body.length);
        assertEquals(201, started.status(), started::toString);
        assertEquals(200, Uploads.put(started, body).status());
        String fileId = started.json().path("fileId").asText();
        assertEquals(200, Uploads.complete(token, fileId).status());
        return fileId;
    }

    private static JsonNode submit(String token, Map<String, Object> body) {
        E2E.Resp r = E2E.post("/v1/training-plans", body, token);
        assertEquals(201, r.status(), r::toString);
        return r.json();
    }

    private static Map<String, String> statusesOf(String token, String query) {
        E2E.Resp r = E2E.get("/v1/training-plans" + query, token);
        assertEquals(200, r.status(), r::toString);
        Map<String, String> out = new HashMap<>();
        r.json().path("items").forEach(i -> out.put(i.path("planId").asText(), i.path("status").asText()
                + (i.has("comment") ? ":" + i.path("comment").asText() : "")));
        return out;
    }

    @Test
    void aBasesPlansAreReviewedByItsDepartmentAndTheBaseSeesTheOutcomes() {
        Reviews.Tree t = Reviews.tree("培训计划");
        Reviews.Tree other = Reviews.tree("培训计划他部");
        String baseToken = Fixtures.token(t.base());

        String pdf = uploaded(baseToken, "PLAN", "2027年度培训计划.pdf");
        JsonNode annual = submit(baseToken, obj("kind", "ANNUAL_PLAN", "year", 2027, "title", "2027年度培训计划",
                "content", "全年安排公需课与专业课", "fileIds", List.of(pdf)));
        assertError(E2E.post("/v1/training-plans", obj("kind", "ANNUAL_PLAN", "year", 2027, "title", "重复的年度计划"), baseToken),
                409, "PLAN_PENDING");
        JsonNode declaration = submit(baseToken, obj("kind", "PLAN_DECLARATION", "year", 2027, "title", "春季培训班申报",
                "courses", List.of(course("新时代专业技术人员素养", "PUBLIC", 12), course("临床新技术", "PROFESSIONAL", 24.5))));
        JsonNode summary = submit(baseToken, obj("kind", "ANNUAL_SUMMARY", "year", 2026, "title", "2026年度工作总结"));

        String annualReview = Reviews.awaitPending(t.deptToken(), "ANNUAL_PLAN", "planId", annual.path("planId").asText())
                .path("reviewId").asText();
        assertEquals(annual.path("reviewId").asText(), annualReview);
        String declReview = Reviews.awaitPending(t.deptToken(), "PLAN_DECLARATION", "planId",
                declaration.path("planId").asText()).path("reviewId").asText();
        String summaryReview = Reviews.awaitPending(t.deptToken(), "ANNUAL_SUMMARY", "planId",
                summary.path("planId").asText()).path("reviewId").asText();

        JsonNode annualDetail = Reviews.detail(t.deptToken(), annualReview).json();
        JsonNode file = annualDetail.path("detail").path("files").get(0);
        assertEquals(pdf, file.path("fileId").asText(), annualDetail::toString);
        assertEquals("2027年度培训计划.pdf", file.path("fileName").asText());
        assertEquals("/v1/files/" + pdf + "/download", file.path("downloadUrl").asText());
        E2E.Resp link = E2E.get(file.path("downloadUrl").asText(), t.deptToken());
        assertEquals(200, link.status(), () -> "the deciding department downloads the plan's file: " + link);
        assertEquals(200, Uploads.get(link.json().path("url").asText()).status());
        assertEquals(200, Uploads.download(baseToken, pdf).status(), "the base downloads its own file");
        assertError(Uploads.download(other.deptToken(), pdf), 404, "NOT_FOUND");
        assertError(Uploads.download(Fixtures.token(other.base()), pdf), 404, "NOT_FOUND");
        assertError(E2E.post("/v1/training-plans", obj("kind", "PLAN_DECLARATION", "year", 2027, "title", "重用文件",
                "fileIds", List.of(pdf), "courses", List.of(course("课", "PUBLIC", 8))), baseToken), 409, "FILE_IN_USE");

        JsonNode detail = Reviews.detail(t.deptToken(), declReview).json();
        assertEquals(t.base().orgId(), detail.path("detail").path("org").path("orgId").asText(), detail::toString);
        assertEquals(2, detail.path("detail").path("courses").size());
        assertEquals("PROFESSIONAL", detail.path("detail").path("courses").get(1).path("category").asText());
        assertEquals(24.5, detail.path("detail").path("courses").get(1).path("hours").asDouble());

        // one approval, then a batch with a rejection (comment) and another approval
        assertEquals("DONE", Reviews.outcome(Reviews.decide(t.deptToken(), Reviews.approve(annualReview)), annualReview));
        assertEquals(Map.of(declReview, "DONE", summaryReview, "DONE"), Reviews.outcomes(Reviews.decide(t.deptToken(),
                Reviews.reject(declReview, "课程学时安排不合理"), Reviews.approve(summaryReview)), declReview, summaryReview));

        Map<String, String> expected = Map.of(annual.path("planId").asText(), "APPROVED",
                declaration.path("planId").asText(), "REJECTED:课程学时安排不合理", summary.path("planId").asText(), "APPROVED");
        Reviews.await("the base to see the outcomes", () -> {
            Map<String, String> seen = statusesOf(baseToken, "");
            return seen.equals(expected) ? Optional.of(seen) : Optional.empty();
        });
        assertEquals(Map.of(declaration.path("planId").asText(), "REJECTED:课程学时安排不合理"),
                statusesOf(baseToken, "?status=REJECTED&year=2027"));
        assertEquals(Map.of(summary.path("planId").asText(), "APPROVED"), statusesOf(baseToken, "?kind=ANNUAL_SUMMARY"));

        E2E.Resp plan = E2E.get("/v1/training-plans/" + declaration.path("planId").asText(), baseToken);
        assertEquals(200, plan.status(), plan::toString);
        assertEquals("REJECTED", plan.json().path("status").asText());
        assertEquals("课程学时安排不合理", plan.json().path("decisions").get(0).path("comment").asText());
        assertEquals("c2", plan.json().path("courses").get(1).path("courseId").asText());
        E2E.Resp annualPlan = E2E.get("/v1/training-plans/" + annual.path("planId").asText(), baseToken);
        assertEquals(pdf, annualPlan.json().path("files").get(0).path("fileId").asText(), annualPlan::toString);
        E2E.Resp byDecider = E2E.get("/v1/training-plans/" + declaration.path("planId").asText(), t.deptToken());
        assertEquals(200, byDecider.status(), byDecider::toString);

        // another department: the plans and their reviews do not exist
        for (JsonNode p : List.of(annual, declaration, summary)) {
            assertError(E2E.get("/v1/training-plans/" + p.path("planId").asText(), other.deptToken()), 404, "NOT_FOUND");
            assertError(Reviews.detail(other.deptToken(), p.path("reviewId").asText()), 404, "NOT_FOUND");
        }
        assertError(E2E.get("/v1/training-plans/" + annual.path("planId").asText(), Fixtures.token(other.base())), 404,
                "NOT_FOUND");

        // the year is free again once the annual plan was decided
        submit(baseToken, obj("kind", "ANNUAL_PLAN", "year", 2027, "title", "2027年度培训计划（调整）"));
    }

    @Test
    void simultaneousAnnualPlansOfAYearGiveExactlyOnePending() {
        Reviews.Tree t = Reviews.tree("计划并发");
        String token = Fixtures.token(t.unit());
        Callable<E2E.Resp> call = () -> E2E.post("/v1/training-plans", obj("kind", "ANNUAL_PLAN", "year", 2028, "title", "计划"),
                token);
        List<E2E.Resp> answers = E2E.concurrently(List.of(call, call, call));
        assertEquals(List.of(201, 409, 409), answers.stream().map(E2E.Resp::status).sorted().toList(), answers::toString);
    }

    @Test
    void invalidPlansAreRefusedAndDepartmentsDoNotSubmit() {
        Reviews.Tree t = Reviews.tree("计划校验");
        String token = Fixtures.token(t.base());
        assertValidation(E2E.post("/v1/training-plans", obj("kind", "PLAN_DECLARATION", "year", 2027, "title", "无课程"), token),
                "courses");
        assertValidation(E2E.post("/v1/training-plans", obj("kind", "PLAN_DECLARATION", "year", 2027, "title", "坏课程",
                "courses", List.of(obj("title", "课", "category", "PUBLIC", "hours", 8, "startDate", "2027-05-02",
                        "endDate", "2027-05-01"))), token), "courses[0].endDate");
        assertValidation(E2E.post("/v1/training-plans", obj("kind", "OTHER", "year", 2027, "title", "计划"), token), "kind");
        assertValidation(E2E.get("/v1/training-plans?year=abc", token), "year");
        assertError(E2E.post("/v1/training-plans", obj("kind", "ANNUAL_PLAN", "year", 2027, "title", "部门计划"), t.deptToken()),
                403, "FORBIDDEN");
        assertTrue(statusesOf(token, "").isEmpty());
    }
}
