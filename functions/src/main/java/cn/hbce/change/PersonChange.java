package cn.hbce.change;

import cn.hbce.common.files.AttachedFile;
import java.time.Instant;
import java.util.List;

/**
 * A professional's request to change their 专业技术职务 record, kept with the person: pending while
 * its review runs, then the decision and the decider's comment. The approved ones are the history
 * of the person's title. {@code reviewId} is its id.
 */
public record PersonChange(String reviewId, String personId, ChangeStatus status, List<FieldChange> changes,
                           String reason, List<AttachedFile> files, Instant submittedAt, Instant decidedAt,
                           String comment) {
}
