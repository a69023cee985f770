package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.E2E.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The whole chain of issue 12 over HTTP, with nothing stubbed: a professional claims 30 公需 and
 * 60 专业 hours in four claims, the unit approves (初审), the department approves (复审) with the
 * last two approvals sent at the same moment, and the certificate appears exactly once; its PDF
 * prints the name, number and year; the public route verifies it with the masked name; deleting a
 * record takes the year below the rules and the certificate becomes REVOKED.
 */
class HoursCertificateChainIT {

    private static String claim(Hours.Professional p, Map<String, Object> body) {
        E2E.Resp r = E2E.post("/v1/me/hours", body, p.token());
        assertEquals(201, r.status(), () -> "claim " + body + ": " + r);
        return r.json().path("recordId").asText();
    }

    private static JsonNode certificates(Hours.Professional p) {
        E2E.Resp mine = E2E.get("/v1/me/certificates", p.token());
        assertEquals(200, mine.status(), mine::toString);
        return mine.json().path("items");
    }

    private static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), () -> url + ": " + new String(r.body(), StandardCharsets.UTF_8));
        return r.body();
    }

    @Test
    void approvalsThatMeetTheYearIssueOneCertificateAndADeletionRevokesIt() throws Exception {
        Reviews.Tree tree = Reviews.tree("证书链");
        String unitToken = Fixtures.token(tree.unit());
        Hours.Professional p = Hours.professional(tree.unit().orgId(), "链");
        List<String> records = List.of(
                claim(p, Hours.claim("PUBLIC", "TRAINING", "公需科目培训", 20)),
                claim(p, Hours.claim("PUBLIC", "ONLINE", "网络公需课", 10)),
                claim(p, Hours.claim("PROFESSIONAL", "TRAINING", "专业研修班", 48)),
                claim(p, Hours.claim("PROFESSIONAL", "CONFERENCE", "全国学术会议", 12)));
        List<String> reviews = new ArrayList<>();
        for (String recordId : records) {
            reviews.add(Hours.awaitPendingClaim(unitToken, recordId));
        }
        E2E.Resp first = Reviews.decide(unitToken, reviews.stream().map(Reviews::approve).toList());
        Reviews.outcomes(first, reviews.toArray(String[]::new)).values().forEach(o -> assertEquals("DONE", o, first::toString));
        for (String recordId : records) {
            Hours.awaitPendingClaim(tree.deptToken(), recordId);
        }

        // Two approvals leave the year short; the last two, sent at once, each complete it.
        E2E.Resp early = Reviews.decide(tree.deptToken(), reviews.subList(0, 2).stream().map(Reviews::approve).toList());
        Reviews.outcomes(early, reviews.get(0), reviews.get(1)).values().forEach(o -> assertEquals("DONE", o, early::toString));
        reviews.subList(0, 2).forEach(id -> Reviews.awaitStatus(tree.deptToken(), id, "APPROVED"));
        assertEquals(0, certificates(p).size(), "20 + 10 公需 alone do not meet the year");
        CompletableFuture<E2E.Resp> third = CompletableFuture.supplyAsync(
                () -> Reviews.decide(tree.deptToken(), List.of(Reviews.approve(reviews.get(2)))));
        CompletableFuture<E2E.Resp> fourth = CompletableFuture.supplyAsync(
                () -> Reviews.decide(tree.deptToken(), List.of(Reviews.approve(reviews.get(3)))));
        assertEquals("DONE", Reviews.outcomes(third.join(), reviews.get(2)).get(reviews.get(2)), third.join()::toString);
        assertEquals("DONE", Reviews.outcomes(fourth.join(), reviews.get(3)).get(reviews.get(3)), fourth.join()::toString);
        reviews.forEach(id -> Reviews.awaitStatus(tree.deptToken(), id, "APPROVED"));

        JsonNode certificate = Reviews.await("the certificate", () -> {
            JsonNode items = certificates(p);
            return items.size() > 0 ? Optional.of(items) : Optional.empty();
        });
        assertEquals(1, certificate.size(), certificate::toString);
        JsonNode c = certificate.get(0);
        String number = c.path("certificateNo").asText();
        assertTrue(number.matches("HBCE-" + Hours.YEAR + "-\\d{6}"), number);
        assertEquals("VALID", c.path("status").asText());
        assertEquals(30, c.path("publicHours").asDouble());
        assertEquals(60, c.path("professionalHours").asDouble());
        assertEquals(c.path("certificateId").asText(), Hours.annualStatus(p.token()).path("certificateId").asText());

        E2E.Resp pdf = E2E.get("/v1/certificates/" + c.path("certificateId").asText() + "/pdf", p.token());
        assertEquals(200, pdf.status(), pdf::toString);
        byte[] bytes = download(pdf.json().path("url").asText());
        assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains(p.name()) && text.contains(number) && text.contains(String.valueOf(Hours.YEAR)), text);
            assertFalse(text.contains(p.idCard()), "the PDF prints the ID number masked");
        }

        String code = c.path("verifyCode").asText();
        E2E.Resp verified = E2E.get("/v1/certificates/verify/" + code);
        assertEquals(200, verified.status(), verified::toString);
        assertTrue(verified.json().path("valid").asBoolean(), verified::toString);
        assertEquals(number, verified.json().path("certificateNo").asText());
        assertFalse(verified.json().path("name").asText().equals(p.name()), "the public route masks the name");
        assertFalse(verified.text().contains(p.idCard()), verified::toString);

        // 删除记录: 48 专业 left, the year is no longer met, the certificate is revoked.
        E2E.Resp deleted = E2E.send("DELETE", "/v1/hours/" + records.get(3), E2E.bytes(obj("reason", "会议证明不实")),
                tree.deptToken(), "application/json");
        assertEquals(204, deleted.status(), deleted::toString);
        JsonNode revoked = Reviews.await("the revocation", () -> {
            E2E.Resp r = E2E.get("/v1/certificates/verify/" + code);
            return "REVOKED".equals(r.json().path("status").asText()) ? Optional.of(r.json()) : Optional.empty();
        });
        assertFalse(revoked.path("valid").asBoolean(), revoked::toString);
        assertEquals(1, certificates(p).size(), "revoked, not removed: still one certificate for the year");
        assertEquals("REVOKED", certificates(p).get(0).path("status").asText());
    }
}
