package cn.hbce.testing.fakes;

import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.files.AttachedFile;
import cn.hbce.common.files.Attachments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Attachments} of uploads made with {@link #upload}: a file is attached once, by its
 * uploader, to one owner; anything else is refused and nothing is attached.
 */
public final class FakeAttachments implements Attachments {
    private final Map<String, AttachedFile> files = new HashMap<>();
    private final Map<String, String> uploader = new HashMap<>();
    private final Map<String, String> owner = new HashMap<>();
    private int seq;

    /** A READY upload of {@code personId}; returns its id. */
    public synchronized String upload(String personId, String fileName) {
        String id = "f_fake" + (++seq);
        files.put(id, new AttachedFile(id, fileName, "application/pdf", 1234));
        uploader.put(id, personId);
        return id;
    }

    @Override
    public synchronized List<AttachedFile> attach(Actor caller, List<String> fileIds, String ownerKind, String ownerId,
                                                  AuditContext meta) {
        for (String id : fileIds) {
            if (!files.containsKey(id) || !caller.personId().equals(uploader.get(id)) || owner.containsKey(id)) {
                throw Invalid.field("fileIds");
            }
        }
        List<AttachedFile> out = new ArrayList<>();
        for (String id : fileIds) {
            owner.put(id, ownerKind + "#" + ownerId);
            out.add(files.get(id));
        }
        return out;
    }

    @Override
    public synchronized void release(List<String> fileIds, String ownerKind, String ownerId) {
        fileIds.forEach(id -> owner.remove(id, ownerKind + "#" + ownerId));
    }

    /** {@code KIND#ownerId} the file is attached to, or null. */
    public synchronized String ownerOf(String fileId) {
        return owner.get(fileId);
    }
}
