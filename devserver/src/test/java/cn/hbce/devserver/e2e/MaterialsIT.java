package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.E2E.obj;
import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.org.OrgType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 年度工作材料报送 end to end: upload → complete → material → download through the devserver's S3,
 * over the tree HRSS → department → sub-department → unit, with a second department beside it and
 * an unrelated org elsewhere.
 */
class MaterialsIT {
    private static Fixtures.ApprovedOrg dept;
    private static Fixtures.ApprovedOrg sub;
    private static Fixtures.ApprovedOrg unit;
    private static String deptToken;
    private static String subToken;
    private static String unitToken;
    private static String siblingToken;
    private static String unrelatedToken;
    private static String rootToken;

    @BeforeAll
    static void tree() {
        dept = Fixtures.approvedOrg(OrgType.DEPARTMENT, Fixtures.ROOT_ORG_ID, TestData.orgName("部门", "材料上级"));
        sub = Fixtures.approvedOrg(OrgType.DEPARTMENT, dept.orgId(), TestData.orgName("部门", "材料报送"));
        unit = Fixtures.approvedOrg(OrgType.UNIT, sub.orgId(), TestData.orgName("单位", "材料下级"));
        Fixtures.ApprovedOrg sibling = Fixtures.approvedOrg(OrgType.DEPARTMENT, dept.orgId(), TestData.orgName("部门", "材料同级"));
        Fixtures.ApprovedOrg elsewhere = Fixtures.approvedOrg(OrgType.DEPARTMENT, Fixtures.ROOT_ORG_ID, TestData.orgName("部门", "材料无关"));
        Fixtures.ApprovedOrg unrelated = Fixtures.approvedOrg(OrgType.UNIT, elsewhere.orgId(), TestData.orgName("单位", "材料无关"));
        deptToken = Fixtures.token(dept);
        subToken = Fixtures.token(sub);
        unitToken = Fixtures.token(unit);
        siblingToken = Fixtures.token(sibling);
        unrelatedToken = Fixtures.token(unrelated);
        rootToken = Fixtures.rootToken();
    }

    private static Optional<JsonNode> listed(String token, String query, String materialId) {
        return OrgAdmin.find(E2E.get("/v1/materials?limit=100" + query, token), "materialId", materialId);
    }

    private static byte[] downloaded(String token, String fileId) {
        E2E.Resp link = Uploads.download(token, fileId);
        assertEquals(200, link.status(), link::toString);
        Uploads.S3Resp got = Uploads.get(link.json().path("url").asText());
        assertEquals(200, got.status(), got::toString);
        return got.body();
    }

    @Test
    void uploadCompleteSubmitAndDownloadTheSameBytesUpTheTreeAndNowhereElse() {
        byte[] body = Uploads.pdf(250_000);
        String fileId = Uploads.uploaded(subToken, "2026年度学习指南.pdf", Uploads.PDF, body);
        E2E.Resp created = Materials.submit(subToken, 2026, "STUDY_GUIDE", "2026年度学习指南", List.of(fileId));
        assertEquals(201, created.status(), created::toString);
        assertEquals(1, created.json().path("version").asInt());
        assertEquals("SUBMITTED", created.json().path("status").asText());
        String id = created.json().path("materialId").asText();

        E2E.Resp detail = E2E.get("/v1/materials/" + id, subToken);
        assertEquals(200, detail.status(), detail::toString);
        assertEquals(sub.orgId(), detail.json().path("orgId").asText());
        assertEquals(sub.name(), detail.json().path("orgName").asText());
        assertEquals(fileId, detail.json().at("/files/0/fileId").asText());
        assertEquals("2026年度学习指南.pdf", detail.json().at("/files/0/fileName").asText());
        assertEquals(body.length, detail.json().at("/files/0/size").asLong());
        assertEquals(0, detail.json().path("history").size());
        assertArrayEquals(body, downloaded(subToken, fileId));
        assertTrue(listed(subToken, "", id).isPresent());
        assertTrue(listed(subToken, "&year=2026&type=STUDY_GUIDE", id).isPresent());
        assertTrue(listed(subToken, "&year=2025", id).isEmpty());
        assertTrue(listed(subToken, "&type=WORK_NOTICE", id).isEmpty());

        // The parent department and HRSS see it reported from below, open it and download the same bytes.
        for (String superior : List.of(deptToken, rootToken)) {
            JsonNode row = listed(superior, "&scope=subordinates", id).orElseThrow(() -> new AssertionError("not listed above"));
            assertEquals(sub.orgId(), row.path("orgId").asText());
            assertEquals(sub.name(), row.path("orgName").asText());
            assertTrue(listed(superior, "", id).isEmpty(), "not the superior's own material");
            assertEquals(200, E2E.get("/v1/materials/" + id, superior).status());
            assertArrayEquals(body, downloaded(superior, fileId));
        }
        // A second department, a unit below and an unrelated org: it does not exist for them.
        for (String blind : List.of(siblingToken, unitToken, unrelatedToken)) {
            assertError(E2E.get("/v1/materials/" + id, blind), 404, "NOT_FOUND");
            assertError(Uploads.download(blind, fileId), 404, "NOT_FOUND");
            assertTrue(listed(blind, "&scope=subordinates", id).isEmpty());
            assertTrue(listed(blind, "", id).isEmpty());
        }
        List<String> audit = OrgAdmin.auditActions(sub.orgId());
        for (String action : List.of("FILE_UPLOAD_START", "FILE_COMPLETE", "FILE_ATTACH", "MATERIAL_CREATE", "FILE_DOWNLOAD_URL")) {
            assertTrue(audit.contains(action), () -> action + " not audited: " + audit);
        }
        assertTrue(OrgAdmin.auditActions(dept.orgId()).contains("FILE_DOWNLOAD_URL"), "the superior's download is audited");
    }

    @Test
    void aStaleEditIs412AndTheOldVersionStaysInHistoryWithItsFiles() {
        String first = Uploads.uploaded(subToken, "初稿.docx", Uploads.DOCX, Uploads.zip(3000));
        String id = Materials.create(subToken, 2026, "WORK_NOTICE", "工作通知初稿", first);
        String second = Uploads.uploaded(subToken, "定稿.pdf", Uploads.PDF, Uploads.pdf(3000));
        E2E.Resp edited = E2E.put("/v1/materials/" + id, obj("title", "工作通知定稿", "fileIds", List.of(second),
                "remark", "已修订", "version", 1), subToken);
        assertEquals(200, edited.status(), edited::toString);
        assertEquals(2, edited.json().path("version").asInt());
        assertError(E2E.put("/v1/materials/" + id, obj("title", "过期的修改", "version", 1), subToken), 412, "VERSION_CONFLICT");

        JsonNode d = E2E.get("/v1/materials/" + id, deptToken).json();
        assertEquals("工作通知定稿", d.path("title").asText());
        assertEquals(2, d.path("version").asInt());
        assertEquals(second, d.at("/files/0/fileId").asText());
        assertEquals(1, d.path("history").size());
        assertEquals(1, d.at("/history/0/version").asInt());
        assertEquals("工作通知初稿", d.at("/history/0/title").asText());
        assertEquals(first, d.at("/history/0/files/0/fileId").asText());
        assertFalse(d.at("/history/0/updatedBy").asText().isEmpty());
        assertEquals(200, Uploads.download(deptToken, first).status(), "a file of the old version stays downloadable above");

        assertError(E2E.put("/v1/materials/" + id, obj("title", "上级改", "version", 2), deptToken), 404, "NOT_FOUND");
        String other = Uploads.uploaded(siblingToken, "别家.pdf", Uploads.PDF, Uploads.pdf(100));
        assertError(E2E.put("/v1/materials/" + id, obj("fileIds", List.of(other), "version", 2), subToken), 400,
                "VALIDATION_FAILED");
        assertError(Materials.submit(subToken, 2026, "STUDY_GUIDE", "挪用", List.of(first)), 409, "FILE_IN_USE");
        assertTrue(OrgAdmin.auditActions(sub.orgId()).contains("MATERIAL_EDIT"));
    }

    @Test
    void aDeletedMaterialAndItsFilesAre404() {
        String fileId = Uploads.uploaded(subToken, "a.png", Uploads.PNG, Uploads.png(2000));
        String id = Materials.create(subToken, 2026, "STUDY_GUIDE", "待删除", fileId);
        assertError(OrgAdmin.delete("/v1/materials/" + id, deptToken), 404, "NOT_FOUND");
        assertEquals(204, OrgAdmin.delete("/v1/materials/" + id, subToken).status());
        assertError(E2E.get("/v1/materials/" + id, subToken), 404, "NOT_FOUND");
        assertError(Uploads.download(subToken, fileId), 404, "NOT_FOUND");
        assertError(OrgAdmin.delete("/v1/materials/" + id, subToken), 404, "NOT_FOUND");
        assertTrue(listed(deptToken, "&scope=subordinates", id).isEmpty());
        assertTrue(OrgAdmin.auditActions(sub.orgId()).contains("MATERIAL_DELETE"));
    }

    @Test
    void readingNeedsMaterialsSubmitOrStatsViewAndWritingMaterialsSubmit() {
        String fileId = Uploads.uploaded(subToken, "a.pdf", Uploads.PDF, Uploads.pdf(100));
        String id = Materials.create(subToken, 2026, "STUDY_GUIDE", "权限", fileId);
        String noRights = Fixtures.token("DEPARTMENT", Fixtures.extraAdmin(sub, Fixtures.role(sub.orgId(), "org.edit")),
                TestData.PASSWORD);
        assertError(E2E.get("/v1/materials", noRights), 403, "FORBIDDEN");
        assertError(E2E.get("/v1/materials/" + id, noRights), 403, "FORBIDDEN");
        assertError(Uploads.download(noRights, fileId), 404, "NOT_FOUND");
        String viewer = Fixtures.token("DEPARTMENT", Fixtures.extraAdmin(dept, Fixtures.role(dept.orgId(), "stats.view")),
                TestData.PASSWORD);
        assertEquals(200, E2E.get("/v1/materials/" + id, viewer).status());
        assertTrue(listed(viewer, "&scope=subordinates", id).isPresent());
        assertError(Materials.submit(viewer, 2026, "STUDY_GUIDE", "无权提交", List.of(fileId)), 403, "FORBIDDEN");
    }
}
