package cn.hbce.files;

import cn.hbce.testing.Actors.TestActor;
import cn.hbce.testing.fakes.InMemoryFileRepository;
import cn.hbce.testing.fakes.InMemoryObjectStore;
import cn.hbce.testing.fakes.RecordingAuditLog;
import cn.hbce.testing.fakes.TestClock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The file use cases over in-memory fakes, and a browser that uploads through them. */
final class FileWorld {
    final TestClock clock = new TestClock();
    final InMemoryFileRepository records = new InMemoryFileRepository();
    final InMemoryObjectStore bucket = new InMemoryObjectStore(clock);
    final RecordingAuditLog audit = new RecordingAuditLog();
    final Map<String, AttachmentVisibility> visibilities = new HashMap<>();
    final FileService files = new FileService(records, bucket, visibilities, audit, clock);
    final FileAttachments attachments = new FileAttachments(records, bucket, audit, clock);

    static final String PDF = "application/pdf";
    static final String PNG = "image/png";

    static byte[] pdf(int size) {
        return withHead("%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.US_ASCII), size);
    }

    static byte[] png(int size) {
        return withHead(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, size);
    }

    private static byte[] withHead(byte[] head, int size) {
        byte[] out = new byte[size];
        ThreadLocalRandom.current().nextBytes(out);
        System.arraycopy(head, 0, out, 0, Math.min(head.length, size));
        return out;
    }

    FileService.Upload start(TestActor who, String name, String type, long size) {
        return files.create(who.principal(), new FileService.Create("MATERIAL", name, type, size), who.meta());
    }

    /** Start, PUT the bytes as declared, complete: a READY file. */
    String ready(TestActor who, String name, byte[] body) {
        FileService.Upload u = start(who, name, PDF, body.length);
        bucket.upload(u.uploadUrl(), body, PDF);
        files.complete(who.principal(), u.fileId(), who.meta());
        return u.fileId();
    }
}
