package cn.hbce.files;

import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.Conflict;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.domain.Reason;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How every feature gives uploaded files to the thing they belong to (a material, a training plan,
 * hours evidence, a change request...). Use it from a feature's service, before or after writing
 * the owner, with the owner's kind and id:
 * <pre>{@code
 * List<FileSummary> files = attachments.attach(actor, req.fileIds(), "PLAN", planId, meta);
 * }</pre>
 * and register the kind's {@link AttachmentVisibility} in {@code AppContext#attachmentVisibilities()}
 * so that downloads of the files work for those who may see the owner.
 *
 * <p>Rules: every file must exist, be READY, and be usable by the actor ({@link StoredFile#usableBy}:
 * an admin's file by any admin of the same org, a professional's by that person); an unknown file and
 * another's file look the same (400 {@code VALIDATION_FAILED} naming {@code fileIds}); a file not
 * READY is 400 {@code FILE_NOT_READY}; a file attached to another owner is 409 {@code FILE_IN_USE}.
 * Everything is checked before anything is written. Attaching the same files to the same owner again
 * is harmless (idempotent), and finishes a move an earlier attempt left half done.
 *
 * <p>Order of the writes (no transactions): the file record is given to the owner by a conditional
 * write (the one race that matters: two owners, one file — exactly one wins); then the bytes are
 * copied from {@code uploads/<id>} to {@code files/<id>} (out of reach of the lifecycle rule that
 * empties {@code uploads/} after a day); then the record points at the new key; then the pending
 * object is deleted. A function that attaches needs, in template.yaml: s3:GetObject and
 * s3:DeleteObject on {@code uploads/*}, s3:PutObject on {@code files/*}, and dynamodb:UpdateItem on
 * the table (see CreateMaterialFunction).
 */
public final class FileAttachments {
    /** At most this many files per call (one material, plan or claim). */
    public static final int MAX_FILES = 20;
    private final FileRepository files;
    private final ObjectStore objects;
    private final AuditLog audit;
    private final Clock clock;

    public FileAttachments(FileRepository files, ObjectStore objects, AuditLog audit, Clock clock) {
        this.files = files;
        this.objects = objects;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Attaches the files (duplicates in {@code fileIds} count once) to {@code ownerKind}/{@code ownerId}
     * and returns their summaries in the order given. A null or empty list attaches nothing.
     */
    public List<FileSummary> attach(Actor actor, List<String> fileIds, String ownerKind, String ownerId, AuditContext meta) {
        List<String> ids = distinct(fileIds);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, StoredFile> found = byId(files.getAll(ids));
        for (String id : ids) {
            StoredFile f = found.get(id);
            if (f == null || !f.usableBy(actor)) {
                throw new Invalid(Reason.FILE_UNKNOWN, List.of("fileIds"));
            }
        }
        for (String id : ids) {
            StoredFile f = found.get(id);
            if (f.status() == FileStatus.ATTACHED && !f.attachedTo(ownerKind, ownerId)) {
                throw new Conflict(Reason.FILE_IN_USE, List.of("fileIds"));
            }
            if (f.status() != FileStatus.READY && f.status() != FileStatus.ATTACHED) {
                throw new Invalid(Reason.FILE_NOT_READY, List.of("fileIds"));
            }
        }
        Instant now = clock.instant();
        List<String> reserved = new ArrayList<>();
        for (String id : ids) {
            FileRepository.Reservation r = files.reserve(id, ownerKind, ownerId, now);
            if (r == FileRepository.Reservation.TAKEN || r == FileRepository.Reservation.NOT_READY) {
                // Lost a race for one of them: give back what this call took, then refuse as a whole.
                reserved.forEach(taken -> files.release(taken, ownerKind, ownerId, now));
                throw r == FileRepository.Reservation.TAKEN ? new Conflict(Reason.FILE_IN_USE, List.of("fileIds"))
                        : new Invalid(Reason.FILE_NOT_READY, List.of("fileIds"));
            }
            if (r == FileRepository.Reservation.RESERVED) {
                reserved.add(id);
            }
        }
        for (String id : ids) {
            StoredFile f = found.get(id);
            if (!f.key().equals(StoredFile.finalKey(id))) {
                move(f, now);
            }
        }
        for (String id : reserved) {
            audit.record(new AuditRecord(now, meta, "FILE_ATTACH", "FILE", id, AuditRecord.SUCCESS));
        }
        return ids.stream().map(found::get).map(FileSummary::of).toList();
    }

    /**
     * Gives files back (READY again, attachable elsewhere) that {@link #attach} gave to this owner,
     * e.g. when writing the owner failed afterwards. Files of other owners are left alone.
     */
    public void release(List<String> fileIds, String ownerKind, String ownerId) {
        Instant now = clock.instant();
        distinct(fileIds).forEach(id -> files.release(id, ownerKind, ownerId, now));
    }

    /** The summaries of these files, in the order given (unknown ids left out). No access check: the caller checked the owner. */
    public List<FileSummary> describe(List<String> fileIds) {
        List<String> ids = distinct(fileIds);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, StoredFile> found = byId(files.getAll(ids));
        return ids.stream().filter(found::containsKey).map(found::get).map(FileSummary::of).toList();
    }

    private void move(StoredFile f, Instant now) {
        String target = StoredFile.finalKey(f.fileId());
        if (objects.head(f.key()).isPresent()) {
            objects.copy(f.key(), target);
            files.moved(f.fileId(), target, now);
            objects.delete(f.key(), null);
        } else if (objects.head(target).isPresent()) {
            // An earlier attempt copied and deleted but stopped before recording the move.
            files.moved(f.fileId(), target, now);
        } else {
            throw new IllegalStateException("The bytes of file " + f.fileId() + " are missing");
        }
    }

    private static List<String> distinct(Collection<String> ids) {
        if (ids == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            if (id == null || !cn.hbce.common.Ids.plausible(id)) {
                throw new Invalid(Reason.FILE_UNKNOWN, List.of("fileIds"));
            }
            out.add(id);
        }
        if (out.size() > MAX_FILES) {
            throw Invalid.field("fileIds");
        }
        return List.copyOf(out);
    }

    private static Map<String, StoredFile> byId(List<StoredFile> list) {
        return list.stream().collect(Collectors.toMap(StoredFile::fileId, Function.identity()));
    }
}
