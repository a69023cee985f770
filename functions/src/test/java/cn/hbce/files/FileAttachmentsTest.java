package cn.hbce.files;

import static cn.hbce.testing.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.testing.Actors;
import cn.hbce.testing.Actors.TestActor;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Giving READY files to what they belong to: the rules every feature relies on. */
class FileAttachmentsTest {
    private final FileWorld w = new FileWorld();
    private final TestActor alice = Actors.adminOf("o_dept", "DEPARTMENT", "p_alice", true, Set.of());
    private final TestActor colleague = Actors.adminOf("o_dept", "DEPARTMENT", "p_bob", false, Set.of());
    private final TestActor stranger = Actors.adminOf("o_other", "DEPARTMENT", "p_carol", true, Set.of());
    private final TestActor professional = Actors.professional("p_dave", "o_unit");

    private List<FileSummary> attach(TestActor who, List<String> ids, String kind, String owner) {
        return w.attachments.attach(who.principal(), ids, kind, owner, who.meta());
    }

    @Test
    void attachingMovesTheBytesToTheirFinalKeyAndIsIdempotentForTheSameOwner() {
        byte[] body = FileWorld.pdf(300);
        String fileId = w.ready(alice, "指南.pdf", body);
        List<FileSummary> files = attach(colleague, List.of(fileId, fileId), "MATERIAL", "m_1");
        assertEquals(List.of(new FileSummary(fileId, "指南.pdf", FileWorld.PDF, 300)), files);
        StoredFile f = w.records.get(fileId).orElseThrow();
        assertEquals(FileStatus.ATTACHED, f.status());
        assertEquals("files/" + fileId, f.key());
        assertTrue(f.attachedTo("MATERIAL", "m_1"));
        assertTrue(w.records.forgetAt(fileId).isEmpty(), "an attached file is no longer forgotten");
        assertTrue(w.bucket.object("uploads/" + fileId).isEmpty(), "out of the pending prefix");
        assertArrayEquals(body, w.bucket.object("files/" + fileId).orElseThrow().bytes());
        assertEquals(files, attach(alice, List.of(fileId), "MATERIAL", "m_1"), "again for the same owner");
        assertEquals(List.of("SUCCESS"), w.audit.results("FILE_ATTACH", fileId));
    }

    @Test
    void aFileBelongsToOneOwnerOnly() {
        String fileId = w.ready(alice, "a.pdf", FileWorld.pdf(10));
        attach(alice, List.of(fileId), "MATERIAL", "m_1");
        assertEquals(List.of("fileIds"), assertRefused("FILE_IN_USE", () -> attach(alice, List.of(fileId), "MATERIAL", "m_2")).fields());
        assertRefused("FILE_IN_USE", () -> attach(alice, List.of(fileId), "PLAN", "m_1"), "same id, another kind");
    }

    @Test
    void unknownOrSomeoneElsesFilesLookTheSameAndNothingIsAttachedWhenOneIsWrong() {
        String mine = w.ready(alice, "a.pdf", FileWorld.pdf(10));
        String theirs = w.ready(stranger, "b.pdf", FileWorld.pdf(10));
        var unknown = assertRefused("VALIDATION_FAILED", () -> attach(alice, List.of(mine, "f_nothing"), "MATERIAL", "m_1"));
        var foreign = assertRefused("VALIDATION_FAILED", () -> attach(alice, List.of(mine, theirs), "MATERIAL", "m_1"));
        assertEquals(unknown, foreign);
        assertEquals(List.of("fileIds"), foreign.fields());
        assertRefused("VALIDATION_FAILED", () -> attach(alice, List.of("FILE#x"), "MATERIAL", "m_1"), "not even an id");
        assertEquals(FileStatus.READY, w.records.get(mine).orElseThrow().status(), "nothing attached");

        FileService.Upload pending = w.start(alice, "c.pdf", FileWorld.PDF, 10);
        assertRefused("FILE_NOT_READY", () -> attach(alice, List.of(mine, pending.fileId()), "MATERIAL", "m_1"));
        assertEquals(FileStatus.READY, w.records.get(mine).orElseThrow().status(), "nothing attached");
    }

    @Test
    void anAdminsUploadIsTheOrgsAndAProfessionalsIsTheirOwn() {
        String orgFile = w.ready(alice, "a.pdf", FileWorld.pdf(10));
        String personal = w.ready(professional, "b.pdf", FileWorld.pdf(10));
        TestActor aliceAsProfessional = Actors.professional("p_alice", "o_dept");
        assertRefused("VALIDATION_FAILED", () -> attach(aliceAsProfessional, List.of(orgFile), "EVIDENCE", "c_1"));
        TestActor unitAdmin = Actors.adminOf("o_unit", "UNIT", "p_erin", true, Set.of());
        assertRefused("VALIDATION_FAILED", () -> attach(unitAdmin, List.of(personal), "EVIDENCE", "c_1"),
                "the professional's own org may not use their file");
        assertEquals(1, attach(professional, List.of(personal), "EVIDENCE", "c_1").size());
    }

    @Test
    void releaseGivesAFileBackForAnotherOwnerAndDescribeNamesFiles() {
        String fileId = w.ready(alice, "a.pdf", FileWorld.pdf(10));
        attach(alice, List.of(fileId), "MATERIAL", "m_1");
        w.attachments.release(List.of(fileId), "MATERIAL", "m_other");
        assertEquals(FileStatus.ATTACHED, w.records.get(fileId).orElseThrow().status(), "not that owner's to release");
        w.attachments.release(List.of(fileId), "MATERIAL", "m_1");
        assertEquals(1, attach(alice, List.of(fileId), "MATERIAL", "m_2").size());
        assertEquals(List.of(new FileSummary(fileId, "a.pdf", FileWorld.PDF, 10)),
                w.attachments.describe(List.of("f_unknown", fileId)));
        assertEquals(List.of(), attach(alice, null, "MATERIAL", "m_3"));
    }
}
