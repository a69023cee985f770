package cn.hbce.hours;

import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.domain.Actor;
import java.util.List;

/**
 * Attaches a claim's evidence files to its record (files answer 409 FILE_IN_USE for a file
 * attached elsewhere, 400 for one not READY). Until the files feature is wired, nothing is attached.
 */
public interface EvidenceAttacher {

    void attach(Actor actor, List<String> fileIds, String recordId, AuditContext meta);

    EvidenceAttacher NONE = (actor, fileIds, recordId, meta) -> { };
}
