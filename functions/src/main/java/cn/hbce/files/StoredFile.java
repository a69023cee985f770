package cn.hbce.files;

import cn.hbce.common.domain.Actor;
import java.time.Instant;
import java.util.Objects;

/**
 * A file the platform knows about. The S3 key is the server's ({@code uploads/<fileId>} while it
 * waits, {@code files/<fileId>} once attached), never built from the client's file name, which is
 * only stored and given back in the download's Content-Disposition.
 *
 * <p>{@code uploaderOrgId} is the org an admin uploaded for (null when a professional uploaded for
 * themself): see {@link #usableBy}.
 */
public record StoredFile(
        String fileId,
        FilePurpose purpose,
        String fileName,
        String contentType,
        long size,
        FileStatus status,
        String uploaderPersonId,
        String uploaderOrgId,
        String key,
        String ownerKind,
        String ownerId,
        Instant createdAt,
        Instant updatedAt) {

    public static final String PENDING_PREFIX = "uploads/";
    public static final String FINAL_PREFIX = "files/";

    public static String pendingKey(String fileId) {
        return PENDING_PREFIX + fileId;
    }

    public static String finalKey(String fileId) {
        return FINAL_PREFIX + fileId;
    }

    /**
     * Who may complete, attach and (before it is attached) download the file. An admin's upload
     * belongs to the org: any admin of the same org may attach it (one colleague uploads, another
     * submits the material). A professional's upload belongs to that person alone. An admin and a
     * professional never share files, even when they are the same person (a file uploaded for an
     * org is not the person's evidence, and the other way round).
     */
    public boolean usableBy(Actor actor) {
        if (actor.isAdmin()) {
            return uploaderOrgId != null && uploaderOrgId.equals(actor.orgId());
        }
        return uploaderOrgId == null && Objects.equals(uploaderPersonId, actor.personId());
    }

    public boolean attachedTo(String kind, String id) {
        return kind.equals(ownerKind) && id.equals(ownerId);
    }

    public StoredFile withStatus(FileStatus next, Instant now) {
        return new StoredFile(fileId, purpose, fileName, contentType, size, next, uploaderPersonId, uploaderOrgId, key,
                ownerKind, ownerId, createdAt, now);
    }
}
