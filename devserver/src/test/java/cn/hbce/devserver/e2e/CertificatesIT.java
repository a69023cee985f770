package cn.hbce.devserver.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.AppContext;
import cn.hbce.account.PersonRegistration;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.bootstrap.Bootstrap;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.hours.YearRequirement;
import cn.hbce.hours.YearTotals;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 电子证书 over HTTP: a person whose approved hours meet the year gets one certificate, sees it, prints
 * the PDF (a real PDF in the local S3, its text extracted here), the public route verifies it with the
 * masked name; the supervising department lists and prints it, another department sees nothing; a
 * drop below the rules revokes it and the verification says so. The issuer is the one the hours
 * functions call, run here over a ledger the test controls (the hours routes are not in this build).
 */
class CertificatesIT {
    static final int YEAR = 2025;
    private static final Map<String, YearTotals> APPROVED = new ConcurrentHashMap<>();
    private static Reviews.Tree a;
    private static Reviews.Tree b;
    private static String personId;
    private static String personToken;
    private static final String NAME = "证书测试人";

    @BeforeAll
    static void aPersonInAUnitOfA() {
        a = Reviews.tree("证书A");
        b = Reviews.tree("证书B");
        String idCard = TestData.idCard();
        personId = AppContext.get().bootstrap().ensurePerson(
                new Bootstrap.Account(idCard, NAME, TestData.phone(), TestData.PASSWORD),
                new PersonRegistration(a.unit().orgId(), RegistrationStatus.APPROVED, "卫生技术人员", "中级"));
        personToken = Fixtures.token("PERSON", idCard, TestData.PASSWORD);
    }

    private static void hoursChanged(double publicHours, double professionalHours) {
        APPROVED.put(personId, new YearTotals(publicHours, professionalHours));
        AppContext.get().certificateIssuer((p, y) -> APPROVED.getOrDefault(p, YearTotals.NONE),
                        y -> new YearRequirement(30, 60, 90))
                .approvedHoursChanged(personId, YEAR, AuditContext.system("certificates-it"));
    }

    private static JsonNode myCertificate() {
        E2E.Resp mine = E2E.get("/v1/me/certificates", personToken);
        assertEquals(200, mine.status(), mine::toString);
        assertEquals(1, mine.json().path("items").size(), mine::toString);
        return mine.json().path("items").get(0);
    }

    private static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), () -> url + ": " + new String(r.body(), StandardCharsets.UTF_8));
        return r.body();
    }

    @Test
    void issuedOncePrintedVerifiedListedInJurisdictionAndRevoked() throws Exception {
        hoursChanged(30, 59);
        assertEquals(0, E2E.get("/v1/me/certificates", personToken).json().path("items").size(), "专业 59 < 60");
        hoursChanged(30, 60);
        hoursChanged(30, 60);
        JsonNode c = myCertificate();
        String certificateId = c.path("certificateId").asText();
        String number = c.path("certificateNo").asText();
        String code = c.path("verifyCode").asText();
        assertTrue(number.matches("HBCE-" + YEAR + "-\\d{6}"), number);
        assertEquals("VALID", c.path("status").asText());
        assertEquals(90, c.path("totalHours").asDouble());
        assertTrue(c.path("idCardMasked").asText().contains("**********"), c::toString);

        E2E.Resp pdf = E2E.get("/v1/certificates/" + certificateId + "/pdf", personToken);
        assertEquals(200, pdf.status(), pdf::toString);
        byte[] bytes = download(pdf.json().path("url").asText());
        assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains(NAME) && text.contains(number) && text.contains(String.valueOf(YEAR)), text);
        }
        E2E.Resp again = E2E.get("/v1/certificates/" + certificateId + "/pdf", personToken);
        assertEquals(URI.create(pdf.json().path("url").asText()).getPath(), URI.create(again.json().path("url").asText()).getPath(),
                "the same stored PDF");
        assertTrue(AuditTrail.of(a.unit().orgId(), certificateId).contains("CERTIFICATE_PDF_DOWNLOAD"),
                () -> AuditTrail.of(a.unit().orgId(), certificateId).toString());

        E2E.Resp verified = E2E.get("/v1/certificates/verify/" + code);
        assertEquals(200, verified.status(), verified::toString);
        assertTrue(verified.json().path("valid").asBoolean());
        assertEquals("证***人", verified.json().path("name").asText(), "first and last character only");
        assertEquals(number, verified.json().path("certificateNo").asText());
        assertFalse(verified.text().contains("idCard") || verified.text().contains("phone"), verified::toString);
        Fixtures.assertError(E2E.get("/v1/certificates/verify/ABCDEFGHJKMN"), 404, "NOT_FOUND");
        Fixtures.assertError(E2E.get("/v1/certificates/verify/nonsense"), 404, "NOT_FOUND");

        E2E.Resp listA = E2E.get("/v1/certificates?year=" + YEAR + "&unitOrgId=" + a.unit().orgId(), a.deptToken());
        assertEquals(200, listA.status(), listA::toString);
        assertEquals(certificateId, listA.json().path("items").get(0).path("certificateId").asText(), listA::toString);
        assertEquals(200, E2E.get("/v1/certificates/" + certificateId + "/pdf", a.deptToken()).status());
        E2E.Resp byName = E2E.get("/v1/certificates?q=" + Reviews.enc("证书测试"), a.deptToken());
        assertTrue(byName.text().contains(certificateId), byName::toString);

        Fixtures.assertError(E2E.get("/v1/certificates/" + certificateId + "/pdf", b.deptToken()), 404, "NOT_FOUND");
        E2E.Resp listB = E2E.get("/v1/certificates", b.deptToken());
        assertEquals(200, listB.status(), listB::toString);
        assertFalse(listB.text().contains(certificateId), listB::toString);
        E2E.Resp foreignUnit = E2E.get("/v1/certificates?unitOrgId=" + a.unit().orgId(), b.deptToken());
        assertEquals(0, foreignUnit.json().path("items").size(), foreignUnit::toString);

        hoursChanged(30, 40);
        E2E.Resp revoked = E2E.get("/v1/certificates/verify/" + code);
        assertFalse(revoked.json().path("valid").asBoolean(), revoked::toString);
        assertEquals("REVOKED", revoked.json().path("status").asText());
        assertEquals("REVOKED", myCertificate().path("status").asText());
        E2E.Resp revokedList = E2E.get("/v1/certificates?status=REVOKED&year=" + YEAR, a.deptToken());
        assertTrue(revokedList.text().contains(certificateId), revokedList::toString);
        hoursChanged(30, 60);
        JsonNode revalidated = myCertificate();
        assertEquals(number, revalidated.path("certificateNo").asText(), "the same certificate, valid again");
        assertEquals("VALID", revalidated.path("status").asText());
    }

    @Test
    void listQueriesAreValidated() {
        Fixtures.assertValidation(E2E.get("/v1/certificates?year=abc", a.deptToken()), "year");
        Fixtures.assertValidation(E2E.get("/v1/certificates?status=ISSUING", a.deptToken()), "status");
        Fixtures.assertValidation(E2E.get("/v1/certificates?unitOrgId=" + Reviews.enc("a#b"), a.deptToken()), "unitOrgId");
    }
}
