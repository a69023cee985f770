package cn.hbce.change;

import cn.hbce.common.files.AttachedFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How change requests appear in a review's detail (plain maps: the detail is stored as JSON). */
final class ChangeViews {
    private ChangeViews() {
    }

    /** The file list of a detail, each with the route that gives its download link. */
    static List<Map<String, Object>> files(List<AttachedFile> files) {
        return files.stream().map(AttachedFile::asMap).toList();
    }

    /** An earlier request of the same person, as the decider of a new one sees it. */
    static Map<String, Object> earlier(PersonChange c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reviewId", c.reviewId());
        m.put("status", c.status().name());
        m.put("submittedAt", c.submittedAt().toString());
        m.put("decidedAt", c.decidedAt() == null ? null : c.decidedAt().toString());
        m.put("comment", c.comment());
        m.put("changes", c.changes().stream().map(PersonChangeService::changeMap).toList());
        return m;
    }
}
