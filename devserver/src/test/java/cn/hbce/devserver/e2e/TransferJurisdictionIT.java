package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.org.OrgType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who sees a transfer (调转记录): the sending side's deciding department and every department
 * above it (OUT), the receiving side's and every department above it (IN), up to the root; a
 * department in neither subtree sees nothing and gets 404 on the detail. The tree: root → P → A →
 * A's unit (the person), P → S (A's sibling), root → B → B's unit (the destination).
 */
class TransferJurisdictionIT {

    private static boolean lists(String token, String query, String transferId) {
        return Transfers.lists(Transfers.listAll(token, "/v1/transfers", query), "transferId", transferId);
    }

    /** Every transferId of the list, read one row per page through the cursors. */
    private static List<String> onePerPage(String token, String query) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 50; page++) {
            String q = query + "&limit=1" + (cursor == null ? "" : "&cursor=" + Reviews.enc(cursor));
            E2E.Resp r = E2E.get("/v1/transfers?" + q, token);
            assertEquals(200, r.status(), r::toString);
            assertTrue(r.json().path("items").size() <= 1, r::toString);
            r.json().path("items").forEach(i -> ids.add(i.path("transferId").asText()));
            JsonNode next = r.json().path("nextCursor");
            if (next.isNull() || next.isMissingNode()) {
                return ids;
            }
            cursor = next.asText();
        }
        throw new AssertionError("too many pages");
    }

    @Test
    void everyDepartmentAboveEitherSideListsTheTransferAndASiblingSeesNothing() {
        String root = Fixtures.rootToken();
        Fixtures.ApprovedOrg p = Fixtures.approvedOrg(OrgType.DEPARTMENT, Fixtures.ROOT_ORG_ID, TestData.orgName("部门", "辖区P"));
        Fixtures.ApprovedOrg a = Fixtures.approvedOrg(OrgType.DEPARTMENT, p.orgId(), TestData.orgName("部门", "辖区A"));
        Fixtures.ApprovedOrg s = Fixtures.approvedOrg(OrgType.DEPARTMENT, p.orgId(), TestData.orgName("部门", "辖区S"));
        Fixtures.ApprovedOrg aUnit = Fixtures.approvedOrg(OrgType.UNIT, a.orgId(), TestData.orgName("单位", "辖区A"));
        Reviews.Tree b = Reviews.tree("辖区B");
        String pToken = Fixtures.token(p);
        String aToken = Fixtures.token(a);
        String sToken = Fixtures.token(s);
        Transfers.Pro first = Transfers.professional(aUnit.orgId(), "辖区甲");
        Transfers.Pro second = Transfers.professional(aUnit.orgId(), "辖区乙");

        Transfers.Started t = Transfers.started(aToken, first.personId(), b.unit().orgId());
        Transfers.Started u = Transfers.started(aToken, second.personId(), b.unit().orgId());
        String byName = "q=" + Reviews.enc(first.name());

        // Sending side: A, P above it, the root — OUT; receiving side: B and the root — IN.
        assertTrue(lists(aToken, "direction=OUT&status=PENDING", t.transferId()), "A (sender) lists it OUT");
        assertFalse(lists(aToken, "direction=IN", t.transferId()), "A is not a receiver");
        assertTrue(lists(pToken, "direction=OUT&status=PENDING", t.transferId()), "P, above A, lists it OUT");
        assertTrue(lists(pToken, "direction=OUT&" + byName, t.transferId()), "with the text filter too");
        assertFalse(lists(pToken, "direction=OUT&q=" + Reviews.enc("无此人"), t.transferId()));
        assertFalse(lists(pToken, "direction=IN", t.transferId()), "P is above the sender only");
        assertTrue(lists(b.deptToken(), "direction=IN&status=PENDING", t.transferId()), "B (receiver) lists it IN");
        assertFalse(lists(b.deptToken(), "direction=OUT", t.transferId()));
        assertTrue(lists(root, "direction=OUT&" + byName, t.transferId()), "the root lists it OUT");
        assertTrue(lists(root, "direction=IN&" + byName, t.transferId()), "and IN");
        assertFalse(lists(sToken, "direction=OUT", t.transferId()), "A's sibling sees nothing");
        assertFalse(lists(sToken, "direction=IN", t.transferId()));
        assertFalse(lists(sToken, "", t.transferId()));

        for (String token : List.of(root, pToken, aToken, b.deptToken())) {
            assertEquals(first.name(), Transfers.detail(token, t.transferId()).path("person").path("name").asText());
        }
        assertError(E2E.get("/v1/transfers/" + t.transferId(), sToken), 404, "NOT_FOUND");

        // Cursor paging over P's copies: both transfers, each once, one per page.
        List<String> paged = onePerPage(pToken, "direction=OUT");
        assertEquals(2, paged.stream().filter(id -> id.equals(t.transferId()) || id.equals(u.transferId())).count(),
                () -> "both, each once: " + paged);
        assertEquals(paged.size(), paged.stream().distinct().count(), paged::toString);

        // B approves: every copy follows the status.
        String reviewId = Reviews.awaitPending(b.deptToken(), "TRANSFER_IN", "personId", first.personId()).path("reviewId").asText();
        assertEquals("DONE", Reviews.outcome(Reviews.decide(b.deptToken(), Reviews.approve(reviewId)), reviewId));
        Transfers.awaitStatus(aToken, t.transferId(), "APPROVED");
        assertEquals(b.unit().orgId(), Transfers.orgOf(first.personId()));
        assertTrue(lists(pToken, "direction=OUT&status=APPROVED", t.transferId()), "P's copy is APPROVED");
        assertFalse(lists(pToken, "direction=OUT&status=PENDING", t.transferId()), "and no longer PENDING");
        assertTrue(lists(root, "direction=IN&status=APPROVED&" + byName, t.transferId()));
        assertTrue(lists(root, "direction=OUT&status=APPROVED&" + byName, t.transferId()));
        JsonNode row = Transfers.listAll(pToken, "/v1/transfers", "direction=OUT&status=APPROVED").stream()
                .filter(i -> t.transferId().equals(i.path("transferId").asText())).findFirst().orElseThrow();
        assertFalse(row.path("endedAt").isMissingNode(), row::toString);
        assertFalse(lists(sToken, "direction=OUT&status=APPROVED", t.transferId()));

        // The other one is cancelled by A: the copies say so.
        E2E.Resp cancelled = E2E.post("/v1/transfers/" + u.transferId() + "/cancel", E2E.obj("reason", "不调了"), aToken);
        assertEquals(200, cancelled.status(), cancelled::toString);
        Transfers.awaitStatus(aToken, u.transferId(), "CANCELLED");
        assertTrue(lists(pToken, "direction=OUT&status=CANCELLED", u.transferId()));
        assertTrue(lists(root, "direction=IN&status=CANCELLED&q=" + Reviews.enc(second.name()), u.transferId()));
    }
}
