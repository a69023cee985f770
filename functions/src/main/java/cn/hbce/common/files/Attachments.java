package cn.hbce.common.files;

import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.domain.Actor;
import java.util.List;

/**
 * The port through which a feature attaches uploaded files to what it stores (a person change, a
 * training plan). The files feature owns the files and the rule that a file is attached to one
 * owner only; the feature owns who may see its owner, and tells the files feature so.
 */
public interface Attachments {

    /**
     * Attaches the caller's READY uploads to {@code ownerKind}/{@code ownerId}; refuses (and
     * attaches none) when one of them is not the caller's, not ready or already attached elsewhere.
     */
    List<AttachedFile> attach(Actor caller, List<String> fileIds, String ownerKind, String ownerId, AuditContext meta);

    /** Gives back files {@link #attach} gave to this owner (writing the owner failed afterwards). */
    default void release(List<String> fileIds, String ownerKind, String ownerId) {
    }
}
