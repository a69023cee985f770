package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.E2E.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.hbce.AppContext;
import cn.hbce.common.aws.AwsClients;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The year's figures of 继教综合统计 (hours records, hours by category, met / not met, certificates)
 * end to end on two small trees: after hours approvals, a claim left pending, a deleted record that
 * revokes a certificate, a registration approved and a transfer to the other tree, the live counters
 * of every route equal a brute-force count this test makes from the raw table (persons, hours
 * records, certificates, the year's rules read through their route) for the root, the departments
 * and the units — without a job run. A year counter corrupted on purpose is restored by
 * {@code POST /v1/stats/refresh}.
 */
class StatsLiveIT {
    private static final Duration JOB_WAIT = Duration.ofSeconds(90);
    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final int YEAR = Hours.YEAR;
    private static String rootToken;

    @BeforeAll
    static void signIn() {
        rootToken = Fixtures.rootToken();
    }

    @Test
    void liveYearFiguresFollowHoursCertificatesRegistrationsAndATransferAndTheJobRestoresACorruptedCounter() {
        Reviews.Tree a = Reviews.tree("统计学时A");
        Reviews.Tree b = Reviews.tree("统计学时B");
        String aUnit = Fixtures.token(a.unit());
        Hours.Professional p1 = Hours.professional(a.unit().orgId(), "统计甲");
        Hours.Professional p2 = Hours.professional(a.unit().orgId(), "统计乙");
        Hours.Professional p3 = Hours.professional(a.unit().orgId(), "统计丙");
        // The seeded persons were written without counters: one job run makes every counter exact first.
        runJob();

        // p1 meets the year (certificate), p2 has 10.5 approved and a claim left pending, p3 meets it
        // and then loses a record (certificate revoked).
        List<String> approved = new ArrayList<>();
        approved.add(claim(p1, "PUBLIC", "公需课一", 30));
        approved.add(claim(p1, "PROFESSIONAL", "专业课一", 60));
        approved.add(claim(p2, "PUBLIC", "公需课二", 10.5));
        approved.add(claim(p3, "PUBLIC", "公需课三", 30));
        String p3Professional = claim(p3, "PROFESSIONAL", "专业课三", 60);
        approved.add(p3Professional);
        approveClaims(aUnit, a.deptToken(), approved);
        String pending = claim(p2, "PROFESSIONAL", "待审专业课", 20);
        Hours.awaitPendingClaim(aUnit, pending);
        awaitCertificate(p3, "VALID");
        E2E.Resp deleted = E2E.send("DELETE", "/v1/hours/" + p3Professional, E2E.bytes(obj("reason", "证明不实")),
                a.deptToken(), "application/json");
        assertEquals(204, deleted.status(), deleted::toString);
        awaitCertificate(p3, "REVOKED");
        awaitCertificate(p1, "VALID");

        // A registration approved over HTTP (no hours: an approved person who does not meet the year).
        Reviews.Registered fresh = Reviews.registerPerson(a.unit().orgId());
        String freshReview = Reviews.awaitPendingPerson(a.deptToken(), fresh.subjectId());
        Reviews.decide(a.deptToken(), Reviews.approve(freshReview));
        Reviews.awaitStatus(a.deptToken(), freshReview, "APPROVED");

        // p1 moves to the other tree with their hours and certificate.
        E2E.Resp started = Reviews.await("the transfer of p1 admitted", () -> {
            E2E.Resp r = Transfers.start(a.deptToken(), p1.personId(), b.unit().orgId());
            return r.status() == 201 ? Optional.of(r) : Optional.empty();
        });
        String transferId = started.json().path("transferId").asText();
        String transferIn = Reviews.awaitPending(b.deptToken(), "TRANSFER_IN", "personId", p1.personId()).path("reviewId").asText();
        Reviews.decide(b.deptToken(), Reviews.approve(transferIn));
        Transfers.awaitStatus(a.deptToken(), transferId, "APPROVED");

        List<String> orgs = List.of(Fixtures.ROOT_ORG_ID, a.dept().orgId(), a.unit().orgId(), b.dept().orgId(), b.unit().orgId());
        for (String orgId : orgs) {
            awaitFiguresMatch(orgId);
        }
        // What the brute force found, spelled out for the trees of this test alone.
        JsonNode unitA = overview(a.unit().orgId());
        assertEquals(2, unitA.at("/hours/approvedRecords").asLong(), "p2's 10.5 and p3's 30 (p1 left with theirs): " + unitA);
        assertEquals(40.5, unitA.at("/hours/publicHours").asDouble(), "p2 10.5 + p3 30 (p1 left with theirs)");
        assertEquals(0, unitA.at("/hours/professionalHours").asDouble(), "p3's deleted record counts nowhere");
        assertEquals(1, unitA.at("/hours/pendingClaims").asLong());
        assertEquals(0, unitA.at("/compliance/met").asLong());
        assertEquals(3, unitA.at("/compliance/notMet").asLong(), "p2, p3 and the new registrant");
        assertEquals(0, unitA.at("/certificates/valid").asLong());
        assertEquals(1, unitA.at("/certificates/revoked").asLong(), "p3's");
        JsonNode unitB = overview(b.unit().orgId());
        assertEquals(2, unitB.at("/hours/approvedRecords").asLong(), "p1 brought both records");
        assertEquals(1, unitB.at("/compliance/met").asLong());
        assertEquals(1.0, unitB.at("/compliance/rate").asDouble());
        assertEquals(1, unitB.at("/certificates/valid").asLong());
        JsonNode deptA = overview(a.dept().orgId());
        JsonNode unitRow = child(deptA, a.unit().orgId());
        assertEquals(3, unitRow.path("persons").asLong());
        assertEquals(0, unitRow.path("met").asLong());
        assertEquals(1, child(overview(b.dept().orgId()), b.unit().orgId()).path("met").asLong());

        // A year counter corrupted on purpose shows, and a job run restores it.
        String table = AppContext.get().config().tableName();
        AwsClients.dynamo().putItem(p -> p.tableName(table).item(Map.of(
                "PK", AttributeValue.fromS("STATS#" + a.unit().orgId() + "#0"), "SK", AttributeValue.fromS("Y#" + YEAR),
                "entity", AttributeValue.fromS("STATS_COUNTER"), "orgId", AttributeValue.fromS(a.unit().orgId()),
                "approvedRecords", AttributeValue.fromN("999"), "met", AttributeValue.fromN("7"),
                "publicTenths", AttributeValue.fromN("-5"), "certificatesValid", AttributeValue.fromN("4"))));
        assertEquals(999, overview(a.unit().orgId()).at("/hours/approvedRecords").asLong(), "the corruption shows");
        runJob();
        for (String orgId : List.of(Fixtures.ROOT_ORG_ID, a.dept().orgId(), a.unit().orgId())) {
            awaitFiguresMatch(orgId);
        }
        assertEquals(2, overview(a.unit().orgId()).at("/hours/approvedRecords").asLong());

        // A rerun gives the same; then live changes still add up on top of the job's figures.
        runJob();
        String more = claim(p2, "PUBLIC", "公需课四", 20);
        approveClaims(aUnit, a.deptToken(), List.of(more));
        awaitFiguresMatch(a.unit().orgId());
        assertEquals(3, overview(a.unit().orgId()).at("/hours/approvedRecords").asLong());
        assertEquals(60.5, overview(a.unit().orgId()).at("/hours/publicHours").asDouble());
    }

    // ------------------------------------------------------------------ steps

    private static String claim(Hours.Professional p, String category, String title, double hours) {
        E2E.Resp r = E2E.post("/v1/me/hours", Hours.claim(category, "TRAINING", title, hours), p.token());
        assertEquals(201, r.status(), r::toString);
        return r.json().path("recordId").asText();
    }

    /** 初审 by the unit, 复审 by the department, for every record; waits until each is APPROVED. */
    private static void approveClaims(String unitToken, String deptToken, List<String> recordIds) {
        Map<String, String> reviews = new LinkedHashMap<>();
        for (String recordId : recordIds) {
            reviews.put(recordId, Hours.awaitPendingClaim(unitToken, recordId));
        }
        Reviews.decide(unitToken, reviews.values().stream().map(Reviews::approve).toList());
        for (String recordId : recordIds) {
            Hours.awaitPendingClaim(deptToken, recordId);
        }
        Reviews.decide(deptToken, reviews.values().stream().map(Reviews::approve).toList());
        for (String reviewId : reviews.values()) {
            Reviews.awaitStatus(deptToken, reviewId, "APPROVED");
        }
    }

    private static void awaitCertificate(Hours.Professional p, String status) {
        Reviews.await("certificate of " + p.name() + " " + status, () -> {
            E2E.Resp r = E2E.get("/v1/me/certificates", p.token());
            for (JsonNode c : r.json().path("items")) {
                if (c.path("year").asInt() == YEAR && status.equals(c.path("status").asText())) {
                    return Optional.of(true);
                }
            }
            return Optional.empty();
        });
    }

    private static void runJob() {
        E2E.Resp r = E2E.post("/v1/stats/refresh", obj("year", YEAR), rootToken);
        assertEquals(202, r.status(), r::toString);
        String executionId = r.json().path("executionId").asText();
        Reviews.await(() -> "statistics job " + executionId, JOB_WAIT, () -> {
            E2E.Resp s = E2E.get("/v1/stats/jobs/" + executionId, rootToken);
            assertFalse("FAILED".equals(s.json().path("status").asText()), s::toString);
            return "SUCCEEDED".equals(s.json().path("status").asText()) ? Optional.of(s.json()) : Optional.empty();
        });
    }

    private static JsonNode overview(String orgId) {
        E2E.Resp r = E2E.get("/v1/stats/overview?orgId=" + orgId + "&year=" + YEAR, rootToken);
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    private static JsonNode child(JsonNode overview, String orgId) {
        for (JsonNode c : overview.path("children")) {
            if (orgId.equals(c.path("orgId").asText())) {
                return c;
            }
        }
        throw new AssertionError("no drill-down row " + orgId + " in " + overview);
    }

    // ------------------------------------------------------------------ the brute force

    /** Waits (other work may still be settling) until the route shows what the raw table says. */
    private static void awaitFiguresMatch(String orgId) {
        String[] last = {""};
        Reviews.await(() -> orgId + ": " + last[0], SETTLE, () -> {
            Map<String, Object> counted = Truth.read().of(orgId);
            Map<String, Object> shown = shown(overview(orgId));
            last[0] = "counted " + counted + " but the route shows " + shown;
            return counted.equals(shown) ? Optional.of(true) : Optional.empty();
        });
    }

    private static Map<String, Object> shown(JsonNode o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("registered", o.at("/persons/registered").asLong());
        m.put("approved", o.at("/persons/approved").asLong());
        m.put("pendingClaims", o.at("/hours/pendingClaims").asLong());
        m.put("approvedRecords", o.at("/hours/approvedRecords").asLong());
        m.put("publicHours", o.at("/hours/publicHours").asDouble());
        m.put("professionalHours", o.at("/hours/professionalHours").asDouble());
        m.put("met", o.at("/compliance/met").asLong());
        m.put("notMet", o.at("/compliance/notMet").asLong());
        m.put("valid", o.at("/certificates/valid").asLong());
        m.put("revoked", o.at("/certificates/revoked").asLong());
        return m;
    }

    /** The raw table read by the test: the tree, professionals, the year's hours records and certificates. */
    private record Truth(Map<String, String> parents, Map<String, Map<String, AttributeValue>> persons,
                         List<Map<String, AttributeValue>> records, Map<String, String> certificates, double[] required) {

        static Truth read() {
            Map<String, String> parents = new HashMap<>();
            Map<String, Map<String, AttributeValue>> persons = new HashMap<>();
            List<Map<String, AttributeValue>> records = new ArrayList<>();
            Map<String, String> certificates = new HashMap<>();
            AwsClients.dynamo().scanPaginator(s -> s.tableName(AppContext.get().config().tableName())).items().forEach(i -> {
                String entity = i.containsKey("entity") ? i.get("entity").s() : "";
                boolean ofYear = i.containsKey("year") && i.get("year").n() != null
                        && Integer.parseInt(i.get("year").n()) == YEAR;
                switch (entity) {
                    case "ORG" -> {
                        if (i.get("SK").s().equals("META")) {
                            parents.put(i.get("orgId").s(), i.containsKey("parentOrgId") ? i.get("parentOrgId").s() : null);
                        }
                    }
                    case "PERSON" -> {
                        if (i.containsKey("regOrgId")) {
                            persons.put(i.get("PK").s().substring("PERSON#".length()), i);
                        }
                    }
                    case "HOURS_RECORD" -> {
                        if (ofYear) {
                            records.add(i);
                        }
                    }
                    case "CERTIFICATE" -> {
                        if (ofYear) {
                            certificates.put(i.get("personId").s(), i.get("status").s());
                        }
                    }
                    default -> { }
                }
            });
            JsonNode rules = E2E.get("/v1/ce-rules/" + YEAR, rootToken).json().path("required");
            return new Truth(parents, persons, records, certificates, new double[] {rules.path("public").asDouble(),
                    rules.path("professional").asDouble(), rules.path("total").asDouble()});
        }

        boolean under(String orgId, String ancestor) {
            for (String at = orgId; at != null && parents.containsKey(at); at = parents.get(at)) {
                if (at.equals(ancestor)) {
                    return true;
                }
            }
            return false;
        }

        Map<String, Object> of(String orgId) {
            long registered = 0;
            long approved = 0;
            List<String> members = new ArrayList<>();
            for (var e : persons.entrySet()) {
                if (!under(e.getValue().get("regOrgId").s(), orgId)) {
                    continue;
                }
                String status = e.getValue().get("regStatus").s();
                registered += status.equals("PENDING") || status.equals("APPROVED") ? 1 : 0;
                if (status.equals("APPROVED")) {
                    approved++;
                    members.add(e.getKey());
                }
            }
            long pendingClaims = 0;
            long approvedRecords = 0;
            long met = 0;
            long valid = 0;
            long revoked = 0;
            double publicSum = 0;
            double professionalSum = 0;
            for (String personId : members) {
                double pub = 0;
                double pro = 0;
                for (Map<String, AttributeValue> r : records) {
                    if (!r.get("personId").s().equals(personId)) {
                        continue;
                    }
                    String status = r.get("status").s();
                    double hours = Double.parseDouble(r.get("hours").n());
                    if (status.equals("PENDING")) {
                        pendingClaims++;
                    } else if (status.equals("APPROVED")) {
                        approvedRecords++;
                        if (r.get("category").s().equals("PUBLIC")) {
                            pub += hours;
                        } else {
                            pro += hours;
                        }
                    }
                }
                publicSum += pub;
                professionalSum += pro;
                if (pub >= required[0] && pro >= required[1] && pub + pro >= required[2]) {
                    met++;
                }
                String certificate = certificates.get(personId);
                valid += "VALID".equals(certificate) ? 1 : 0;
                revoked += "REVOKED".equals(certificate) ? 1 : 0;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("registered", registered);
            m.put("approved", approved);
            m.put("pendingClaims", pendingClaims);
            m.put("approvedRecords", approvedRecords);
            m.put("publicHours", Math.round(publicSum * 10) / 10.0);
            m.put("professionalHours", Math.round(professionalSum * 10) / 10.0);
            m.put("met", met);
            m.put("notMet", approved - met);
            m.put("valid", valid);
            m.put("revoked", revoked);
            return m;
        }
    }
}
