package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.E2E.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 学时申报 end to end: claims go through the unit's 初审 and the department's 复审, approved hours
 * meet the year, broken rules store nothing, a rejected claim can be claimed again, and nobody
 * outside the chain sees or decides anything.
 */
class HoursClaimsIT {
    private static Reviews.Tree tree;
    private static String unitToken;

    @BeforeAll
    static void tree() {
        tree = Reviews.tree("学时");
        unitToken = Fixtures.token(tree.unit());
    }

    private static String claimOk(Hours.Professional p, Map<String, Object> body) {
        E2E.Resp r = E2E.post("/v1/me/hours", body, p.token());
        assertEquals(201, r.status(), () -> "claim " + body + ": " + r);
        return r.json().path("recordId").asText();
    }

    @Test
    void thirtyPublicAndSixtyProfessionalHoursPassBothStagesAndMeetTheYear() {
        Hours.Professional p = Hours.professional(tree.unit().orgId(), "满学时");
        List<String> records = List.of(
                claimOk(p, Hours.claim("PUBLIC", "TRAINING", "公需科目培训", 20)),
                claimOk(p, Hours.claim("PUBLIC", "ONLINE", "网络公需课", 10)),
                claimOk(p, Hours.claim("PROFESSIONAL", "TRAINING", "专业研修班", 48)),
                claimOk(p, Hours.claim("PROFESSIONAL", "CONFERENCE", "全国学术会议", 12)));
        List<String> reviews = new ArrayList<>();
        for (String recordId : records) {
            reviews.add(Hours.awaitPendingClaim(unitToken, recordId));
        }
        // The department cannot skip 初审: its step does not exist yet.
        E2E.Resp early = Reviews.decide(tree.deptToken(), reviews.stream().map(Reviews::approve).toList());
        Reviews.outcomes(early, reviews.toArray(String[]::new)).values().forEach(o -> assertEquals("NOT_FOUND", o, early::toString));

        E2E.Resp first = Reviews.decide(unitToken, reviews.stream().map(Reviews::approve).toList());
        Reviews.outcomes(first, reviews.toArray(String[]::new)).values().forEach(o -> assertEquals("DONE", o, first::toString));
        for (String recordId : records) {
            assertEquals("PENDING", Hours.mine(p.token(), recordId).orElseThrow().path("status").asText(),
                    "初审 alone approves nothing");
        }
        assertEquals(0, Hours.annualStatus(p.token()).path("totalHours").asDouble());

        // The unit cannot 复审: its one step is decided.
        E2E.Resp again = Reviews.decide(unitToken, reviews.stream().map(Reviews::approve).toList());
        Reviews.outcomes(again, reviews.toArray(String[]::new)).values().forEach(o -> assertEquals("ALREADY_DECIDED", o, again::toString));

        for (String recordId : records) {
            Hours.awaitPendingClaim(tree.deptToken(), recordId);
        }
        E2E.Resp second = Reviews.decide(tree.deptToken(), reviews.stream().map(Reviews::approve).toList());
        Reviews.outcomes(second, reviews.toArray(String[]::new)).values().forEach(o -> assertEquals("DONE", o, second::toString));
        reviews.forEach(id -> Reviews.awaitStatus(tree.deptToken(), id, "APPROVED"));

        JsonNode status = Reviews.await("the year met", () -> {
            JsonNode s = Hours.annualStatus(p.token());
            return s.path("met").asBoolean() ? java.util.Optional.of(s) : java.util.Optional.empty();
        });
        assertEquals(30, status.path("publicHours").asDouble());
        assertEquals(60, status.path("professionalHours").asDouble());
        assertEquals(90, status.path("totalHours").asDouble());
        assertEquals(90, status.path("required").path("total").asDouble());
        for (String recordId : records) {
            assertEquals("APPROVED", Hours.mine(p.token(), recordId).orElseThrow().path("status").asText());
        }

        // The department's desk: the records, one with its trail of both stages.
        List<JsonNode> listed = Hours.listAll(tree.deptToken(), "year=" + Hours.YEAR + "&status=APPROVED&q=" + Reviews.enc(p.name()));
        assertEquals(records.stream().sorted().toList(), listed.stream().map(n -> n.path("recordId").asText()).sorted().toList());
        assertTrue(listed.stream().allMatch(n -> n.path("idCardMasked").asText().contains("*")
                && !n.toString().contains(p.idCard())), "ID numbers are masked in the list");
        E2E.Resp one = E2E.get("/v1/hours/" + records.get(0), tree.deptToken());
        assertEquals(200, one.status(), one::toString);
        assertEquals(2, one.json().path("reviewTrail").size(), one::toString);
        assertEquals(tree.unit().orgId(), one.json().path("reviewTrail").get(0).path("orgId").asText());
        assertEquals(tree.dept().orgId(), one.json().path("reviewTrail").get(1).path("orgId").asText());
        one.json().path("reviewTrail").forEach(s -> assertEquals("APPROVED", s.path("status").asText()));

        // Another department sees nothing of it.
        Reviews.Tree other = Reviews.tree("别家学时");
        Fixtures.assertError(E2E.get("/v1/hours/" + records.get(0), other.deptToken()), 404, "NOT_FOUND");
        Fixtures.assertError(E2E.send("DELETE", "/v1/hours/" + records.get(0), E2E.bytes(obj("reason", "越权")),
                other.deptToken(), "application/json"), 404, "NOT_FOUND");
        assertFalse(E2E.get("/v1/hours?limit=100", other.deptToken()).text().contains(p.personId()));
        assertFalse(E2E.get("/v1/reviews?kind=HOURS_CLAIM&limit=100", other.deptToken()).text().contains(p.personId()));

        // 删除记录: the hours count no more, the record says DELETED.
        E2E.Resp deleted = E2E.send("DELETE", "/v1/hours/" + records.get(3), E2E.bytes(obj("reason", "会议证明不实")),
                tree.deptToken(), "application/json");
        assertEquals(204, deleted.status(), deleted::toString);
        assertEquals("DELETED", Hours.mine(p.token(), records.get(3)).orElseThrow().path("status").asText());
        JsonNode after = Hours.annualStatus(p.token());
        assertEquals(48, after.path("professionalHours").asDouble());
        assertFalse(after.path("met").asBoolean());
        assertEquals("会议证明不实", E2E.get("/v1/hours/" + records.get(3), tree.deptToken()).json().path("deleteReason").asText());
    }

    @Test
    void brokenRulesAre400AndStoreNothing() {
        Hours.Professional p = Hours.professional(tree.unit().orgId(), "违规");
        claimOk(p, Hours.claim("PUBLIC", "ONLINE", "网络学习", 50));
        // A past year whose claim deadline has passed (stored by HRSS for the test).
        E2E.Resp put = E2E.put("/v1/ce-rules/2024", obj("required", obj("public", 30, "professional", 60, "total", 90),
                "activityTypes", List.of(obj("code", "TRAINING", "name", "培训班", "unit", "HOUR")),
                "claimDeadline", "2025-01-31"), Fixtures.rootToken());
        assertEquals(200, put.status(), put::toString);
        Map<String, Map<String, Object>> broken = Map.of(
                "over the ONLINE cap of 60 (50 pending)", Hours.claim("PUBLIC", "ONLINE", "更多网络学习", 11),
                "unknown activity type", Hours.claim("PUBLIC", "SKYDIVING", "跳伞", 5),
                "past the claim deadline", Hours.claim(2024, "PUBLIC", "TRAINING", "去年的培训", 5, "2024-05-01", "2024-05-02"),
                "zero hours", Hours.claim("PUBLIC", "TRAINING", "零学时", 0),
                "negative hours", Hours.claim("PUBLIC", "TRAINING", "负学时", -3),
                "end before start", Hours.claim(Hours.YEAR, "PUBLIC", "TRAINING", "倒序", 5, Hours.YEAR + "-05-02",
                        Hours.YEAR + "-05-01"),
                "not whole exams (40 each)", Hours.claim("PROFESSIONAL", "EXAM", "资格考试", 30));
        broken.forEach((why, body) -> {
            E2E.Resp r = E2E.post("/v1/me/hours", body, p.token());
            Fixtures.assertError(r, 400, "HOURS_RULE_VIOLATION");
            assertFalse(r.json().path("message").asText().isBlank(), why);
        });
        E2E.Resp mine = E2E.get("/v1/me/hours", p.token());
        assertEquals(1, mine.json().path("items").size(), () -> "only the valid claim is stored: " + mine);
        Reviews.await("only the valid claim's review in the unit's queue", () -> {
            long n = Reviews.listAll(unitToken, "kind=HOURS_CLAIM").stream()
                    .filter(i -> p.personId().equals(i.path("subject").path("personId").asText())).count();
            return n == 1 ? java.util.Optional.of(n) : java.util.Optional.empty();
        });
        E2E.Resp rules = E2E.get("/v1/ce-rules/" + Hours.YEAR, p.token());
        assertEquals(200, rules.status(), rules::toString);
        assertEquals(60, rules.json().path("required").path("professional").asDouble());
        Fixtures.assertError(E2E.put("/v1/ce-rules/2024", obj("required", obj("public", 1, "professional", 1, "total", 2),
                "activityTypes", List.of(obj("code", "TRAINING", "name", "培训班", "unit", "HOUR")),
                "claimDeadline", "2025-01-31"), tree.deptToken()), 403, "FORBIDDEN");
    }

    @Test
    void aRejectedClaimCanBeClaimedAgainButAPendingOneCannot() {
        Hours.Professional p = Hours.professional(tree.unit().orgId(), "驳回");
        Map<String, Object> body = Hours.claim("PROFESSIONAL", "TRAINING", "被驳回的研修", 16);
        String recordId = claimOk(p, body);
        Fixtures.assertError(E2E.post("/v1/me/hours", body, p.token()), 409, "CONFLICT");
        String reviewId = Hours.awaitPendingClaim(unitToken, recordId);
        E2E.Resp rejected = Reviews.decide(unitToken, Reviews.reject(reviewId, "证明材料不清晰"));
        assertEquals("DONE", Reviews.outcome(rejected, reviewId), rejected::toString);
        Reviews.await("the record rejected", () -> Hours.mine(p.token(), recordId)
                .filter(n -> n.path("status").asText().equals("REJECTED")));
        String again = claimOk(p, body);
        assertFalse(again.equals(recordId));
        assertEquals("PENDING", Hours.mine(p.token(), again).orElseThrow().path("status").asText());
    }

    @Test
    void aPersonOfADepartmentHasTheOneStage() {
        Hours.Professional p = Hours.professional(tree.dept().orgId(), "部门人员");
        String recordId = claimOk(p, Hours.claim("PUBLIC", "TRAINING", "部门培训", 8));
        String reviewId = Hours.awaitPendingClaim(tree.deptToken(), recordId);
        E2E.Resp done = Reviews.decide(tree.deptToken(), Reviews.approve(reviewId));
        assertEquals("DONE", Reviews.outcome(done, reviewId), done::toString);
        Reviews.await("approved after the one stage", () -> Hours.mine(p.token(), recordId)
                .filter(n -> n.path("status").asText().equals("APPROVED")));
    }

    @Test
    void evidenceFilesGoWithTheClaimAndOnlyTheChainMayDownloadThem() {
        Hours.Professional p = Hours.professional(tree.unit().orgId(), "证明");
        E2E.Resp started = Uploads.start(p.token(), "EVIDENCE", "结业证书.pdf", Uploads.PDF, 2000);
        assertEquals(201, started.status(), started::toString);
        String fileId = started.json().path("fileId").asText();
        Uploads.put(started, Uploads.pdf(2000));
        assertEquals(200, Uploads.complete(p.token(), fileId).status());
        Map<String, Object> body = new java.util.HashMap<>(Hours.claim("PROFESSIONAL", "TRAINING", "有证明的研修", 12));
        body.put("evidenceFileIds", List.of(fileId));
        String recordId = claimOk(p, body);
        // The same file cannot prove a second claim.
        Map<String, Object> second = new java.util.HashMap<>(Hours.claim("PROFESSIONAL", "TRAINING", "另一研修", 6));
        second.put("evidenceFileIds", List.of(fileId));
        Fixtures.assertError(E2E.post("/v1/me/hours", second, p.token()), 409, "FILE_IN_USE");

        Hours.awaitPendingClaim(unitToken, recordId);
        E2E.Resp one = E2E.get("/v1/hours/" + recordId, tree.deptToken());
        assertEquals(200, one.status(), one::toString);
        assertEquals(fileId, one.json().path("evidenceFiles").get(0).path("fileId").asText());
        assertEquals("结业证书.pdf", one.json().path("evidenceFiles").get(0).path("fileName").asText());
        assertEquals(200, Uploads.download(p.token(), fileId).status(), "the person");
        assertEquals(200, Uploads.download(unitToken, fileId).status(), "the unit (初审)");
        assertEquals(200, Uploads.download(tree.deptToken(), fileId).status(), "the department (复审)");
        Reviews.Tree other = Reviews.tree("别家证明");
        Fixtures.assertError(Uploads.download(other.deptToken(), fileId), 404, "NOT_FOUND");
        Fixtures.assertError(Uploads.download(Fixtures.token(other.unit()), fileId), 404, "NOT_FOUND");
    }
}
