package cn.hbce.files;

import static cn.hbce.testing.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.testing.Actors;
import cn.hbce.testing.Actors.TestActor;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Upload URLs, the check of what arrived, and who gets a download URL. */
class FileServiceTest {
    private final FileWorld w = new FileWorld();
    private final TestActor alice = Actors.adminOf("o_dept", "DEPARTMENT", "p_alice", true, Set.of());
    private final TestActor colleague = Actors.adminOf("o_dept", "DEPARTMENT", "p_bob", false, Set.of("materials.submit"));
    private final TestActor stranger = Actors.adminOf("o_other", "DEPARTMENT", "p_carol", true, Set.of());
    private final TestActor aliceAsProfessional = Actors.professional("p_alice", "o_dept");

    @Test
    void anUploadUrlIsForAServerChosenKeyTheExactTypeAndLengthAndLastsFiveMinutes() {
        FileService.Upload u = w.start(alice, "学习指南.pdf", FileWorld.PDF, 1234);
        StoredFile f = w.records.get(u.fileId()).orElseThrow();
        assertEquals(FileStatus.PENDING, f.status());
        assertEquals("uploads/" + u.fileId(), f.key());
        assertEquals("学习指南.pdf", f.fileName());
        assertEquals("mem://put/uploads/" + u.fileId(), u.uploadUrl());
        assertEquals(FileWorld.PDF, u.uploadHeaders().get("Content-Type"));
        assertEquals("1234", u.uploadHeaders().get("Content-Length"));
        assertEquals(w.clock.instant().plus(Duration.ofMinutes(5)), u.expiresAt());
        assertEquals(w.clock.instant().plus(FileService.FORGET_UNATTACHED), w.records.forgetAt(u.fileId()).orElseThrow());
        assertEquals(List.of("SUCCESS"), w.audit.results("FILE_UPLOAD_START", u.fileId()));
    }

    @Test
    void onlyTheSevenTypesUpTo20MbWithAFittingNameArePromisedAUrl() {
        assertRefused("FILE_TYPE_NOT_ALLOWED", () -> w.start(alice, "a.exe", "application/x-msdownload", 10));
        assertRefused("FILE_TYPE_NOT_ALLOWED", () -> w.start(alice, "a.html", "text/html", 10));
        assertRefused("FILE_TYPE_NOT_ALLOWED", () -> w.start(alice, "picture.png", FileWorld.PDF, 10), "a PNG name declared as PDF");
        assertRefused("FILE_TOO_LARGE", () -> w.start(alice, "a.pdf", FileWorld.PDF, 0));
        assertRefused("FILE_TOO_LARGE", () -> w.start(alice, "a.pdf", FileWorld.PDF, FileService.MAX_SIZE + 1));
        assertEquals(FileStatus.PENDING, w.records.get(w.start(alice, "A.PDF", FileWorld.PDF, FileService.MAX_SIZE).fileId())
                .orElseThrow().status());
        for (String type : List.of("application/msword", "application/vnd.ms-excel", "image/jpeg", FileWorld.PNG,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")) {
            String ext = switch (type) {
                case "application/msword" -> "doc";
                case "application/vnd.ms-excel" -> "xls";
                case "image/jpeg" -> "jpeg";
                case FileWorld.PNG -> "png";
                case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "docx";
                default -> "xlsx";
            };
            w.start(alice, "file." + ext, type, 10);
        }
        assertEquals(List.of("fileName"), assertRefused("VALIDATION_FAILED",
                () -> w.start(alice, "dir/a.pdf", FileWorld.PDF, 10)).fields());
        assertEquals(List.of("purpose"), assertRefused("VALIDATION_FAILED", () -> w.files.create(alice.principal(),
                new FileService.Create("SELFIE", "a.pdf", FileWorld.PDF, 10L), alice.meta())).fields());
    }

    @Test
    void completeAcceptsTheDeclaredBytesAndAColleagueMayCompleteButNoOneElse() {
        byte[] body = FileWorld.pdf(5000);
        FileService.Upload u = w.start(alice, "a.pdf", FileWorld.PDF, body.length);
        w.bucket.upload(u.uploadUrl(), body, FileWorld.PDF);
        assertRefused("NOT_FOUND", () -> w.files.complete(stranger.principal(), u.fileId(), stranger.meta()));
        assertRefused("NOT_FOUND", () -> w.files.complete(aliceAsProfessional.principal(), u.fileId(),
                aliceAsProfessional.meta()), "the same person signed in as a professional");
        FileService.Completed done = w.files.complete(colleague.principal(), u.fileId(), colleague.meta());
        assertEquals(FileStatus.READY, done.status());
        assertEquals(5000, done.size());
        assertEquals(done, w.files.complete(alice.principal(), u.fileId(), alice.meta()), "completing again answers the same");
        assertEquals(FileStatus.READY, w.records.get(u.fileId()).orElseThrow().status());
    }

    @Test
    void aPngDeclaredAsPdfIsRejectedAndDeletedForGood() {
        byte[] png = FileWorld.png(5000);
        FileService.Upload u = w.start(alice, "a.pdf", FileWorld.PDF, png.length);
        w.bucket.upload(u.uploadUrl(), png, FileWorld.PDF);
        assertRefused("FILE_REJECTED", () -> w.files.complete(alice.principal(), u.fileId(), alice.meta()));
        assertTrue(w.bucket.object("uploads/" + u.fileId()).isEmpty(), "the object is deleted");
        assertEquals(FileStatus.REJECTED, w.records.get(u.fileId()).orElseThrow().status());
        assertEquals(List.of("FAILURE"), w.audit.results("FILE_COMPLETE", u.fileId()));
        w.bucket.upload(u.uploadUrl(), FileWorld.pdf(5000), FileWorld.PDF);
        assertRefused("FILE_REJECTED", () -> w.files.complete(alice.principal(), u.fileId(), alice.meta()),
                "a rejected file stays rejected");
    }

    @Test
    void anotherLengthOrContentTypeThanDeclaredIsRejected() {
        FileService.Upload shorter = w.start(alice, "a.pdf", FileWorld.PDF, 5000);
        w.bucket.upload(shorter.uploadUrl(), FileWorld.pdf(4999), FileWorld.PDF);
        assertRefused("FILE_REJECTED", () -> w.files.complete(alice.principal(), shorter.fileId(), alice.meta()));
        assertTrue(w.bucket.object("uploads/" + shorter.fileId()).isEmpty());

        FileService.Upload retyped = w.start(alice, "b.pdf", FileWorld.PDF, 5000);
        w.bucket.upload(retyped.uploadUrl(), FileWorld.pdf(5000), "text/html");
        assertRefused("FILE_REJECTED", () -> w.files.complete(alice.principal(), retyped.fileId(), alice.meta()));
    }

    @Test
    void completeBeforeTheUploadArrivedIsRefusedButTheFileWaits() {
        byte[] body = FileWorld.pdf(100);
        FileService.Upload u = w.start(alice, "a.pdf", FileWorld.PDF, body.length);
        assertRefused("FILE_REJECTED", () -> w.files.complete(alice.principal(), u.fileId(), alice.meta()));
        assertEquals(FileStatus.PENDING, w.records.get(u.fileId()).orElseThrow().status());
        w.bucket.upload(u.uploadUrl(), body, FileWorld.PDF);
        assertEquals(FileStatus.READY, w.files.complete(alice.principal(), u.fileId(), alice.meta()).status());
    }

    @Test
    void aDownloadUrlGoesOnlyToThoseWhoMaySeeWhatTheFileIsAttachedTo() {
        String fileId = w.ready(alice, "学习 指南.pdf", FileWorld.pdf(100));
        assertRefused("NOT_FOUND", () -> w.files.download(stranger.principal(), fileId, stranger.meta()));
        FileService.DownloadUrl own = w.files.download(colleague.principal(), fileId, colleague.meta());
        assertTrue(own.url().contains("attachment; filename*=UTF-8''%E5%AD%A6%E4%B9%A0%20%E6%8C%87%E5%8D%97.pdf"), own::url);

        w.attachments.attach(alice.principal(), List.of(fileId), "THING", "t_1", alice.meta());
        assertRefused("NOT_FOUND", () -> w.files.download(alice.principal(), fileId, alice.meta()),
                "an owner kind nobody registered is never downloadable");
        w.visibilities.put("THING", (actor, ownerId) -> ownerId.equals("t_1") && actor.orgId().equals("o_other"));
        assertRefused("NOT_FOUND", () -> w.files.download(alice.principal(), fileId, alice.meta()));
        FileService.DownloadUrl seen = w.files.download(stranger.principal(), fileId, stranger.meta());
        assertTrue(seen.url().startsWith("mem://get/files/" + fileId), seen::url);
        assertEquals(w.clock.instant().plus(Duration.ofMinutes(5)), seen.expiresAt());
        assertEquals(List.of("SUCCESS", "SUCCESS"), w.audit.results("FILE_DOWNLOAD_URL", fileId));

        FileService.Upload pending = w.start(alice, "c.pdf", FileWorld.PDF, 10);
        assertRefused("NOT_FOUND", () -> w.files.download(alice.principal(), pending.fileId(), alice.meta()));
        assertRefused("NOT_FOUND", () -> w.files.download(alice.principal(), "f_missing", alice.meta()));
    }

    @Test
    void theDispositionHeaderEncodesEveryByteOutsideTheSafeSet() {
        assertEquals("attachment; filename*=UTF-8''a%22b%3B%0D.pdf", FileService.contentDisposition("a\"b;\r.pdf"));
        assertFalse(FileService.contentDisposition("年度.pdf").contains("年"));
    }
}
