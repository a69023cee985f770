package cn.hbce.files;

import cn.hbce.common.Ids;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.Conflict;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.domain.NotFound;
import cn.hbce.common.domain.Reason;
import cn.hbce.common.validation.Fields;
import cn.hbce.common.validation.Texts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three file routes. Bytes never pass through a function: {@link #create} hands out a presigned
 * PUT for a key the server chose, signed for the declared content type and exact length;
 * {@link #complete} then checks what arrived (length by HEAD, type by the first bytes) and deletes
 * anything that does not match; {@link #download} issues a presigned GET only after the owner
 * kind's {@link AttachmentVisibility} said yes. A file nobody may see looks exactly like one that
 * does not exist (404).
 */
public final class FileService {
    public static final long MAX_SIZE = 20L * 1024 * 1024;
    public static final int FILE_NAME_MAX = 200;
    /** How long an upload or download URL works (security.md: at most 5 minutes). */
    public static final Duration URL_LIFETIME = Duration.ofMinutes(5);
    /** A file record never attached is forgotten after this (the bucket's lifecycle rule removes its bytes after a day). */
    public static final Duration FORGET_UNATTACHED = Duration.ofDays(2);

    private final FileRepository files;
    private final ObjectStore objects;
    private final Map<String, AttachmentVisibility> visibilities;
    private final AuditLog audit;
    private final Clock clock;

    public FileService(FileRepository files, ObjectStore objects, Map<String, AttachmentVisibility> visibilities,
                       AuditLog audit, Clock clock) {
        this.files = files;
        this.objects = objects;
        this.visibilities = visibilities;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code POST /v1/files}: the declaration. */
    public record Create(String purpose, String fileName, String contentType, Long size) {
    }

    /** The answer of {@code POST /v1/files}. */
    public record Upload(String fileId, String uploadUrl, Map<String, String> uploadHeaders, Instant expiresAt) {
    }

    /** The answer of {@code complete}. */
    public record Completed(String fileId, String fileName, String contentType, long size, FileStatus status) {
    }

    public record DownloadUrl(String url, Instant expiresAt) {
    }

    public Upload create(Actor actor, Create req, AuditContext meta) {
        Fields f = new Fields();
        Optional<FilePurpose> purpose = FilePurpose.parse(req.purpose());
        f.require("purpose", purpose.isPresent());
        String fileName = f.text("fileName", req.fileName(), FILE_NAME_MAX);
        f.require("fileName", fileName == null || plausibleName(fileName));
        f.require("contentType", req.contentType() != null && !req.contentType().isBlank());
        f.require("size", req.size() != null);
        f.throwIfInvalid();
        FileType type = FileType.ofContentType(req.contentType())
                .filter(t -> t.fitsName(fileName))
                .orElseThrow(() -> new Invalid(Reason.FILE_TYPE_NOT_ALLOWED, List.of("contentType")));
        if (req.size() < 1 || req.size() > MAX_SIZE) {
            throw new Invalid(Reason.FILE_TOO_LARGE, List.of("size"));
        }
        Instant now = clock.instant();
        String fileId = Ids.newId("f");
        StoredFile file = new StoredFile(fileId, purpose.get(), fileName, type.contentType(), req.size(), FileStatus.PENDING,
                actor.personId(), actor.isAdmin() ? actor.orgId() : null, StoredFile.pendingKey(fileId), null, null, now, now);
        files.create(file, now.plus(FORGET_UNATTACHED));
        ObjectStore.Upload url = objects.presignPut(file.key(), file.contentType(), file.size(), URL_LIFETIME);
        audit.record(new AuditRecord(now, meta, "FILE_UPLOAD_START", "FILE", fileId, AuditRecord.SUCCESS));
        return new Upload(fileId, url.url(), url.headers(), url.expiresAt());
    }

    /**
     * Checks the uploaded bytes once: the object must exist, be exactly the declared length and start
     * with the declared type's signature. A wrong object is deleted and the file REJECTED for good; a
     * missing one leaves the file PENDING (the URL may still be used). Completing a READY file again
     * answers the same; one already attached is 409.
     */
    public Completed complete(Actor actor, String fileId, AuditContext meta) {
        StoredFile file = visibleToUploader(actor, fileId);
        switch (file.status()) {
            case READY -> {
                return completed(file);
            }
            case ATTACHED -> throw new Conflict(Reason.FILE_IN_USE);
            case REJECTED -> throw new Invalid(Reason.FILE_REJECTED);
            default -> {
            }
        }
        Instant now = clock.instant();
        Optional<ObjectStore.Head> head = objects.head(file.key());
        if (head.isEmpty()) {
            audit.record(new AuditRecord(now, meta, "FILE_COMPLETE", "FILE", fileId, AuditRecord.FAILURE));
            throw new Invalid(Reason.FILE_REJECTED);
        }
        FileType type = FileType.ofContentType(file.contentType()).orElseThrow();
        boolean sizeOk = head.get().size() == file.size();
        boolean typeOk = type.contentType().equalsIgnoreCase(String.valueOf(head.get().contentType()).trim());
        boolean bytesOk = sizeOk && typeOk && type.matches(objects.firstBytes(file.key(), FileType.MAGIC_BYTES));
        if (!bytesOk) {
            objects.delete(file.key(), head.get().versionId());
            files.settle(fileId, FileStatus.REJECTED, now);
            audit.record(new AuditRecord(now, meta, "FILE_COMPLETE", "FILE", fileId, AuditRecord.FAILURE));
            throw new Invalid(Reason.FILE_REJECTED);
        }
        if (!files.settle(fileId, FileStatus.READY, now)) {
            // Settled meanwhile by a parallel complete: answer what it decided.
            StoredFile now2 = files.get(fileId).orElseThrow(NotFound::new);
            if (now2.status() != FileStatus.READY) {
                throw now2.status() == FileStatus.ATTACHED ? new Conflict(Reason.FILE_IN_USE) : new Invalid(Reason.FILE_REJECTED);
            }
        }
        audit.record(new AuditRecord(now, meta, "FILE_COMPLETE", "FILE", fileId, AuditRecord.SUCCESS));
        return completed(file.withStatus(FileStatus.READY, now));
    }

    /**
     * A presigned GET, issued (and audited) only when the caller may see what the file is attached
     * to; a READY file not yet attached only to those who may attach it (to check an upload). Anything
     * else, including a pending or rejected file, is 404.
     */
    public DownloadUrl download(Actor actor, String fileId, AuditContext meta) {
        StoredFile file = files.get(fileId).filter(f -> mayDownload(actor, f)).orElseThrow(NotFound::new);
        ObjectStore.Download url = objects.presignGet(file.key(), contentDisposition(file.fileName()), file.contentType(),
                URL_LIFETIME);
        audit.record(new AuditRecord(clock.instant(), meta, "FILE_DOWNLOAD_URL", "FILE", fileId, AuditRecord.SUCCESS));
        return new DownloadUrl(url.url(), url.expiresAt());
    }

    private boolean mayDownload(Actor actor, StoredFile f) {
        return switch (f.status()) {
            case READY -> f.usableBy(actor);
            case ATTACHED -> {
                AttachmentVisibility v = visibilities.get(f.ownerKind());
                yield v != null && v.canSee(actor, f.ownerId());
            }
            default -> false;
        };
    }

    private StoredFile visibleToUploader(Actor actor, String fileId) {
        return files.get(fileId).filter(f -> f.usableBy(actor)).orElseThrow(NotFound::new);
    }

    private static Completed completed(StoredFile f) {
        return new Completed(f.fileId(), f.fileName(), f.contentType(), f.size(), FileStatus.READY);
    }

    /** {@code attachment; filename*=UTF-8''<name>} with the name percent-encoded (RFC 6266 / RFC 8187). */
    public static String contentDisposition(String fileName) {
        StringBuilder out = new StringBuilder("attachment; filename*=UTF-8''");
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /** A name to store and show: no path, no control or invisible characters. */
    private static boolean plausibleName(String name) {
        return name.indexOf('/') < 0 && name.indexOf('\\') < 0 && !name.equals(".") && !name.equals("..")
                && name.codePoints().noneMatch(Character::isISOControl) && !Texts.hasHiddenCharacters(name);
    }
}
