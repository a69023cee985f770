package cn.hbce.materials;

import static cn.hbce.testing.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.common.paging.PageRequest;
import cn.hbce.files.FileAttachments;
import cn.hbce.files.FileService;
import cn.hbce.files.FileSummary;
import cn.hbce.org.Org;
import cn.hbce.testing.Actors;
import cn.hbce.testing.Actors.TestActor;
import cn.hbce.testing.fakes.Fakes;
import cn.hbce.testing.fakes.InMemoryFileRepository;
import cn.hbce.testing.fakes.InMemoryMaterialRepository;
import cn.hbce.testing.fakes.InMemoryObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * 年度工作材料报送 at the service level over fakes: root (HRSS) → department → sub-department → unit,
 * and a sibling department; who sees what, versions and history, and the files that go with it.
 */
class MaterialServiceTest {
    private final Fakes fakes = new Fakes();
    private final InMemoryFileRepository fileRecords = new InMemoryFileRepository();
    private final InMemoryObjectStore bucket = new InMemoryObjectStore(fakes.clock);
    private final FileAttachments attachments = new FileAttachments(fileRecords, bucket, fakes.audit, fakes.clock);
    private final InMemoryMaterialRepository repository = new InMemoryMaterialRepository();
    private final MaterialService materials = new MaterialService(repository, fakes.orgs, attachments, fakes.audit, fakes.clock);
    private final FileService files = new FileService(fileRecords, bucket,
            Map.of(MaterialService.OWNER_KIND, materials::canSee), fakes.audit, fakes.clock);

    private final Org root = fakes.root();
    private final Org dept = fakes.department(root.orgId(), "武汉市人社局");
    private final Org sub = fakes.department(dept.orgId(), "武昌区人社局");
    private final Org unit = fakes.unit(sub.orgId(), "武汉大学");
    private final Org sibling = fakes.department(root.orgId(), "宜昌市人社局");

    private final TestActor submitter = admin(sub, "materials.submit");
    private final TestActor colleague = admin(sub, "materials.submit");
    private final TestActor subViewer = admin(sub, "stats.view");
    private final TestActor deptViewer = admin(dept, "stats.view");
    private final TestActor rootViewer = admin(root, "materials.submit");
    private final TestActor siblingAdmin = admin(sibling, "materials.submit");
    private final TestActor unitAdmin = admin(unit, "materials.submit");

    private int people;

    private TestActor admin(Org org, String... permissions) {
        return Actors.adminOf(org.orgId(), org.type().name(), "p_" + (++people), false, Set.of(permissions));
    }

    private String upload(TestActor who, String name) {
        byte[] body = ("%PDF-1.7 " + name).getBytes(StandardCharsets.UTF_8);
        FileService.Upload u = files.create(who.principal(), new FileService.Create("MATERIAL", name, "application/pdf",
                (long) body.length), who.meta());
        bucket.upload(u.uploadUrl(), body, "application/pdf");
        files.complete(who.principal(), u.fileId(), who.meta());
        return u.fileId();
    }

    private String submit(TestActor who, String title, String... fileIds) {
        return materials.create(who.principal(), new MaterialService.Create(2026, "STUDY_GUIDE", title, List.of(fileIds), null),
                who.meta()).materialId();
    }

    private List<String> listed(TestActor who, MaterialService.Scope scope) {
        return materials.list(who.principal(), new MaterialService.Query(Optional.empty(), Optional.empty(), scope),
                new PageRequest(100, Optional.empty())).items().stream().map(MaterialService.Summary::materialId).toList();
    }

    @Test
    void aMaterialIsSeenByItsOrgAndEveryOrgAboveAndMissingForEveryoneElse() {
        String fileId = upload(submitter, "学习指南.pdf");
        String id = submit(colleague, "2026年度学习指南", fileId);
        assertEquals(List.of("SUCCESS"), fakes.audit.results("MATERIAL_CREATE", id));

        for (TestActor sees : List.of(submitter, subViewer, deptViewer, rootViewer)) {
            MaterialService.Detail d = materials.get(sees.principal(), id);
            assertEquals(sub.orgId(), d.orgId());
            assertEquals("武昌区人社局", d.orgName());
            assertEquals(List.of(new FileSummary(fileId, "学习指南.pdf", "application/pdf",
                    "%PDF-1.7 学习指南.pdf".getBytes(StandardCharsets.UTF_8).length)), d.files());
            assertTrue(materials.canSee(sees.principal(), id));
            assertTrue(files.download(sees.principal(), fileId, sees.meta()).url().contains("files/" + fileId));
        }
        for (TestActor blind : List.of(siblingAdmin, unitAdmin)) {
            assertRefused("NOT_FOUND", () -> materials.get(blind.principal(), id));
            assertFalse(materials.canSee(blind.principal(), id));
            assertRefused("NOT_FOUND", () -> files.download(blind.principal(), fileId, blind.meta()));
        }
        TestActor professional = Actors.professional("p_prof", sub.orgId());
        assertRefused("NOT_FOUND", () -> files.download(professional.principal(), fileId, professional.meta()));
        TestActor noRights = admin(sub, "org.edit");
        assertRefused("FORBIDDEN", () -> materials.get(noRights.principal(), id));
        assertFalse(materials.canSee(noRights.principal(), id));

        assertEquals(List.of(id), listed(submitter, MaterialService.Scope.OWN));
        assertEquals(List.of(), listed(submitter, MaterialService.Scope.SUBORDINATES));
        assertEquals(List.of(id), listed(deptViewer, MaterialService.Scope.SUBORDINATES));
        assertEquals(List.of(id), listed(rootViewer, MaterialService.Scope.SUBORDINATES));
        assertEquals(List.of(), listed(deptViewer, MaterialService.Scope.OWN));
        assertEquals(List.of(), listed(siblingAdmin, MaterialService.Scope.SUBORDINATES));
        assertEquals(List.of(), listed(unitAdmin, MaterialService.Scope.SUBORDINATES));
    }

    @Test
    void filtersByYearAndType() {
        String a = submit(submitter, "指南", upload(submitter, "a.pdf"));
        String b = materials.create(submitter.principal(), new MaterialService.Create(2025, "WORK_NOTICE", "通知",
                List.of(upload(submitter, "b.pdf")), "备注"), submitter.meta()).materialId();
        var q = new MaterialService.Query(Optional.of(2025), Optional.empty(), MaterialService.Scope.SUBORDINATES);
        assertEquals(List.of(b), materials.list(rootViewer.principal(), q, new PageRequest(100, Optional.empty())).items()
                .stream().map(MaterialService.Summary::materialId).toList());
        var t = new MaterialService.Query(Optional.empty(), Optional.of(MaterialType.STUDY_GUIDE), MaterialService.Scope.OWN);
        assertEquals(List.of(a), materials.list(submitter.principal(), t, new PageRequest(100, Optional.empty())).items()
                .stream().map(MaterialService.Summary::materialId).toList());
    }

    @Test
    void anEditMakesANewVersionKeepsTheOldOneInHistoryAndAStaleOneIs412() {
        String first = upload(submitter, "v1.pdf");
        String id = submit(submitter, "初稿", first);
        String second = upload(submitter, "v2.pdf");
        MaterialService.Summary v2 = materials.edit(submitter.principal(), id,
                new MaterialService.Edit("定稿", null, "补充说明", List.of(second), 1L), submitter.meta());
        assertEquals(2, v2.version());
        assertRefused("VERSION_CONFLICT", () -> materials.edit(colleague.principal(), id,
                new MaterialService.Edit("又改", null, null, null, 1L), colleague.meta()));
        MaterialService.Detail d = materials.get(deptViewer.principal(), id);
        assertEquals("定稿", d.title());
        assertEquals("补充说明", d.remark());
        assertEquals(List.of(second), d.files().stream().map(FileSummary::fileId).toList());
        assertEquals(1, d.history().size());
        MaterialVersion old = d.history().get(0);
        assertEquals(1, old.version());
        assertEquals("初稿", old.title());
        assertEquals(List.of(first), old.files().stream().map(FileSummary::fileId).toList());
        assertTrue(files.download(deptViewer.principal(), first, deptViewer.meta()).url().contains(first),
                "a file of an earlier version stays downloadable");
        MaterialService.Summary cleared = materials.edit(submitter.principal(), id,
                new MaterialService.Edit(null, "WORK_NOTICE", "", null, 2L), submitter.meta());
        assertNull(cleared.remark());
        assertEquals(MaterialType.WORK_NOTICE, cleared.type());
        assertEquals(List.of("SUCCESS", "SUCCESS"), fakes.audit.results("MATERIAL_EDIT", id));
    }

    @Test
    void onlyTheSubmittingOrgWritesAndADeletedMaterialAndItsFilesAreGone() {
        String fileId = upload(submitter, "a.pdf");
        String id = submit(submitter, "指南", fileId);
        assertRefused("NOT_FOUND", () -> materials.edit(rootViewer.principal(), id,
                new MaterialService.Edit("上级改", null, null, null, 1L), rootViewer.meta()), "a superior reads, never writes");
        assertRefused("NOT_FOUND", () -> materials.delete(rootViewer.principal(), id, rootViewer.meta()));
        materials.delete(colleague.principal(), id, colleague.meta());
        assertRefused("NOT_FOUND", () -> materials.get(submitter.principal(), id));
        assertRefused("NOT_FOUND", () -> files.download(submitter.principal(), fileId, submitter.meta()));
        assertEquals(List.of(), listed(rootViewer, MaterialService.Scope.SUBORDINATES));
        assertRefused("NOT_FOUND", () -> materials.delete(colleague.principal(), id, colleague.meta()));
        assertEquals(List.of("SUCCESS"), fakes.audit.results("MATERIAL_DELETE", id));
    }

    @Test
    void filesAreCheckedBeforeAnythingIsWritten() {
        String theirs = upload(siblingAdmin, "b.pdf");
        assertEquals(List.of("fileIds"), assertRefused("VALIDATION_FAILED", () -> submit(submitter, "指南", theirs)).fields());
        assertRefused("VALIDATION_FAILED", () -> submit(submitter, "指南"), "at least one file");
        String fileId = upload(submitter, "a.pdf");
        submit(submitter, "指南", fileId);
        assertRefused("FILE_IN_USE", () -> submit(submitter, "再交一次", fileId));
        assertEquals(1, listed(submitter, MaterialService.Scope.OWN).size(), "the refused one wrote nothing");
        var bad = assertRefused("VALIDATION_FAILED", () -> materials.create(submitter.principal(),
                new MaterialService.Create(1999, "MEMO", " ", List.of(fileId), null), submitter.meta()));
        assertEquals(List.of("year", "type", "title"), bad.fields());
    }
}
