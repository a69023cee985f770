package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.E2E.obj;
import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static cn.hbce.devserver.e2e.Fixtures.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.org.OrgType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** 机构信息修改审核 (ORG_CHANGE) and 更换上级部门 (SUPERIOR_CHANGE) through the approval workflow. */
class OrgChangesIT {

    private static JsonNode org(String token) {
        E2E.Resp r = E2E.get("/v1/org", token);
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    private static E2E.Resp decide(String token, String reviewId, String decision) {
        Map<String, Object> d = decision.equals("REJECT") ? obj("reviewId", reviewId, "decision", decision, "comment", "材料不符")
                : obj("reviewId", reviewId, "decision", decision);
        return E2E.post("/v1/reviews/decisions", obj("decisions", List.of(d)), token);
    }

    private static String outcome(E2E.Resp r) {
        assertEquals(200, r.status(), r::toString);
        return r.json().path("results").get(0).path("outcome").asText();
    }

    private static String subordinateIds(String token) {
        E2E.Resp r = E2E.get("/v1/subordinates?limit=100", token);
        assertEquals(200, r.status(), r::toString);
        StringBuilder ids = new StringBuilder();
        r.json().path("items").forEach(i -> ids.append(i.path("orgId").asText()).append(' '));
        return ids.toString();
    }

    @Test
    void anApprovedInfoChangeShowsBeforeAndAfterAndThenApplies() {
        Reviews.Tree tree = Reviews.tree("信息变更");
        String unitToken = Fixtures.token(tree.unit());
        JsonNode before = org(unitToken);
        String newName = before.path("name").asText() + "（更名）";
        E2E.Resp r = E2E.put("/v1/org", obj("name", newName, "contactPhone", "13912340000",
                "version", before.path("version").asLong()), unitToken);
        assertEquals(202, r.status(), r::toString);
        String reviewId = r.json().path("reviewId").asText();
        assertEquals(reviewId, Reviews.awaitPendingOrg(tree.deptToken(), "ORG_CHANGE", tree.unit().orgId()));
        assertEquals(1, Reviews.todo(tree.deptToken(), "ORG_CHANGE"));

        JsonNode detail = Reviews.detail(tree.deptToken(), reviewId).json();
        assertEquals(2, detail.path("changes").size(), detail::toString);
        JsonNode name = detail.path("changes").get(0);
        assertEquals("name", name.path("field").asText());
        assertEquals(before.path("name").asText(), name.path("before").asText());
        assertEquals(newName, name.path("after").asText());
        JsonNode phone = detail.path("changes").get(1);
        assertEquals("contactPhone", phone.path("field").asText());
        assertEquals("139****0000", phone.path("after").asText(), "phones in a review detail are masked");
        assertEquals("027****0000", phone.path("before").asText());
        assertFalse(detail.toString().contains("13912340000"), detail::toString);

        assertEquals("DONE", outcome(decide(tree.deptToken(), reviewId, "APPROVE")));
        Reviews.awaitStatus(tree.deptToken(), reviewId, "APPROVED");
        JsonNode after = Reviews.await("the change applied", () -> java.util.Optional.of(org(unitToken))
                .filter(o -> o.path("name").asText().equals(newName)));
        assertEquals("13912340000", after.path("contactPhone").asText());
        assertEquals(before.path("version").asLong() + 1, after.path("version").asLong());
        assertEquals(0, Reviews.todo(tree.deptToken(), "ORG_CHANGE"));
        assertEquals(202, E2E.put("/v1/org", obj("address", "武汉市洪山区", "version", after.path("version").asLong()),
                unitToken).status(), "a new change may follow once the last one ended");
    }

    @Test
    void rejectedChangesOfUnitAndBaseInOneBatchChangeNothing() {
        Reviews.Tree tree = Reviews.tree("批量驳回");
        String unitToken = Fixtures.token(tree.unit());
        String baseToken = Fixtures.token(tree.base());
        JsonNode unitBefore = org(unitToken);
        JsonNode baseBefore = org(baseToken);
        String r1 = E2E.put("/v1/org", obj("contactPhone", "027-81111111", "version", unitBefore.path("version").asLong()),
                unitToken).json().path("reviewId").asText();
        String r2 = E2E.put("/v1/org", obj("contactPhone", "027-82222222", "version", baseBefore.path("version").asLong()),
                baseToken).json().path("reviewId").asText();
        Reviews.awaitPendingOrg(tree.deptToken(), "ORG_CHANGE", tree.unit().orgId());
        Reviews.awaitPendingOrg(tree.deptToken(), "ORG_CHANGE", tree.base().orgId());
        E2E.Resp r = E2E.post("/v1/reviews/decisions", obj("decisions", List.of(
                obj("reviewId", r1, "decision", "REJECT", "comment", "电话有误"),
                obj("reviewId", r2, "decision", "REJECT", "comment", "电话有误"))), tree.deptToken());
        assertEquals(200, r.status(), r::toString);
        r.json().path("results").forEach(x -> assertEquals("DONE", x.path("outcome").asText(), r::toString));
        Reviews.awaitStatus(tree.deptToken(), r1, "REJECTED");
        Reviews.awaitStatus(tree.deptToken(), r2, "REJECTED");
        assertEquals(unitBefore, org(unitToken));
        assertEquals(baseBefore, org(baseToken));
        Reviews.await("the pending mark released", () -> java.util.Optional.of(
                E2E.put("/v1/org", obj("contactPhone", "027-83333333", "version", unitBefore.path("version").asLong()), unitToken))
                .filter(x -> x.status() == 202));
    }

    /** A unit under department A that asks to move under department B. */
    private record Move(Reviews.Tree tree, Fixtures.ApprovedOrg newParent, String newParentToken, String reviewId) {
    }

    private static Move requestMove(String tag) {
        Reviews.Tree tree = Reviews.tree(tag);
        Fixtures.ApprovedOrg b = Fixtures.approvedOrg(OrgType.DEPARTMENT, Fixtures.ROOT_ORG_ID, TestData.orgName("新上级", tag));
        String bToken = Fixtures.token(b);
        E2E.Resp r = E2E.post("/v1/org/superior-change", obj("newParentOrgId", b.orgId(), "reason", "业务划转"),
                Fixtures.token(tree.unit()));
        assertEquals(202, r.status(), r::toString);
        String reviewId = r.json().path("reviewId").asText();
        assertEquals(reviewId, Reviews.awaitPendingOrg(tree.deptToken(), "SUPERIOR_CHANGE", tree.unit().orgId()));
        assertEquals(reviewId, Reviews.awaitPendingOrg(bToken, "SUPERIOR_CHANGE", tree.unit().orgId()));
        return new Move(tree, b, bToken, reviewId);
    }

    @Test
    void bothSuperiorsApprovingMovesTheOrgAndJurisdictionFollows() {
        Move m = requestMove("双方同意");
        String unitId = m.tree().unit().orgId();
        assertTrue(subordinateIds(m.tree().deptToken()).contains(unitId));
        assertEquals("DONE", outcome(decide(m.tree().deptToken(), m.reviewId(), "APPROVE")));
        assertEquals("PENDING", Reviews.detail(m.newParentToken(), m.reviewId()).json().path("status").asText(),
                "one approval is not enough");
        assertEquals(m.tree().dept().orgId(), org(Fixtures.token(m.tree().unit())).path("parentOrgId").asText());
        assertEquals("DONE", outcome(decide(m.newParentToken(), m.reviewId(), "APPROVE")));
        Reviews.awaitStatus(m.newParentToken(), m.reviewId(), "APPROVED");
        Reviews.await("the unit moved", () -> java.util.Optional.of(org(Fixtures.token(m.tree().unit())))
                .filter(o -> o.path("parentOrgId").asText().equals(m.newParent().orgId())));
        assertTrue(subordinateIds(m.newParentToken()).contains(unitId), "the new parent sees it");
        assertTrue(!subordinateIds(m.tree().deptToken()).contains(unitId), "the old parent no longer does");
        assertError(E2E.get("/v1/subordinates/" + unitId + "/admins", m.tree().deptToken()), 404, "NOT_FOUND");
        assertEquals(200, E2E.get("/v1/subordinates/" + unitId + "/admins", m.newParentToken()).status());
    }

    @Test
    void approveThenRejectLeavesTheOrgWhereItWas() {
        Move m = requestMove("一同意一驳回");
        assertEquals("DONE", outcome(decide(m.tree().deptToken(), m.reviewId(), "APPROVE")));
        assertEquals("DONE", outcome(decide(m.newParentToken(), m.reviewId(), "REJECT")));
        JsonNode detail = Reviews.awaitStatus(m.tree().deptToken(), m.reviewId(), "REJECTED");
        List<String> steps = new java.util.ArrayList<>();
        detail.path("steps").forEach(s -> steps.add(s.path("orgId").asText() + ":" + s.path("status").asText()));
        assertTrue(steps.contains(m.tree().dept().orgId() + ":APPROVED"), steps::toString);
        assertTrue(steps.contains(m.newParent().orgId() + ":REJECTED"), steps::toString);
        assertEquals(m.tree().dept().orgId(), org(Fixtures.token(m.tree().unit())).path("parentOrgId").asText());
    }

    @Test
    void aFirstRejectionEndsItAndTheOtherSuperiorHasNothingLeftToDecide() {
        Move m = requestMove("先驳回");
        assertEquals("DONE", outcome(decide(m.tree().deptToken(), m.reviewId(), "REJECT")));
        JsonNode other = Reviews.awaitStatus(m.newParentToken(), m.reviewId(), "REJECTED");
        List<String> steps = new java.util.ArrayList<>();
        other.path("steps").forEach(s -> steps.add(s.path("orgId").asText() + ":" + s.path("status").asText()));
        assertTrue(steps.contains(m.newParent().orgId() + ":CANCELLED"), steps::toString);
        assertEquals("ALREADY_DECIDED", outcome(decide(m.newParentToken(), m.reviewId(), "APPROVE")));
        assertEquals(m.tree().dept().orgId(), org(Fixtures.token(m.tree().unit())).path("parentOrgId").asText());
        assertEquals(0, Reviews.todo(m.newParentToken(), "SUPERIOR_CHANGE"));
    }

    @Test
    void aDecisionArrivingTwiceCountsOnce() {
        Move m = requestMove("重复决定");
        List<Callable<E2E.Resp>> twice = List.of(() -> decide(m.tree().deptToken(), m.reviewId(), "APPROVE"),
                () -> decide(m.tree().deptToken(), m.reviewId(), "APPROVE"));
        List<String> outcomes = E2E.concurrently(twice).stream().map(OrgChangesIT::outcome).sorted().toList();
        assertEquals(List.of("ALREADY_DECIDED", "DONE"), outcomes);
        assertEquals("PENDING", Reviews.detail(m.newParentToken(), m.reviewId()).json().path("status").asText());
    }

    @Test
    void impossibleMovesAreRefused() {
        Reviews.Tree tree = Reviews.tree("非法迁移");
        String unitToken = Fixtures.token(tree.unit());
        assertValidation(E2E.post("/v1/org/superior-change", obj("newParentOrgId", tree.dept().orgId(), "reason", "同上级"),
                unitToken), "newParentOrgId");
        assertValidation(E2E.post("/v1/org/superior-change", obj("newParentOrgId", Fixtures.ROOT_ORG_ID, "reason", "单位不能挂人社厅"),
                unitToken), "newParentOrgId");
        assertValidation(E2E.post("/v1/org/superior-change", obj("newParentOrgId", tree.base().orgId(), "reason", "基地不能做上级"),
                unitToken), "newParentOrgId");
        assertValidation(E2E.post("/v1/org/superior-change", obj("newParentOrgId", "o_missing", "reason", "不存在"),
                unitToken), "newParentOrgId");
        Fixtures.ApprovedOrg child = Fixtures.approvedOrg(OrgType.DEPARTMENT, tree.dept().orgId(), TestData.orgName("下级部门", "环"));
        assertValidation(E2E.post("/v1/org/superior-change", obj("newParentOrgId", child.orgId(), "reason", "成环"),
                tree.deptToken()), "newParentOrgId");
        assertValidation(E2E.post("/v1/org/superior-change", obj("newParentOrgId", tree.dept().orgId()), unitToken), "reason");

        Fixtures.ApprovedOrg b = Fixtures.approvedOrg(OrgType.DEPARTMENT, Fixtures.ROOT_ORG_ID, TestData.orgName("新上级", "重复"));
        assertEquals(202, E2E.post("/v1/org/superior-change", obj("newParentOrgId", b.orgId(), "reason", "划转"), unitToken).status());
        assertError(E2E.post("/v1/org/superior-change", obj("newParentOrgId", b.orgId(), "reason", "再次"), unitToken),
                409, "CONFLICT");
        assertError(E2E.post("/v1/org/superior-change", obj("newParentOrgId", b.orgId(), "reason", "根"), Fixtures.rootToken()),
                400, "VALIDATION_FAILED");
    }
}
