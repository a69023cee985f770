package cn.hbce.stats;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one invocation of a segment scan found: every org it saw (for the tree), the figures each
 * org holds itself (not yet its subtree), and the pending steps per org and kind. Stored as one
 * object per segment and chunk, so a retried invocation overwrites its own part and a rerun of the
 * job replaces everything: the merge gives the same result however often it runs.
 */
public record JobPart(Map<String, OrgNode> orgs, Map<String, Map<String, Long>> own, Map<String, Map<String, Long>> todo,
                      long persons) {

    public record OrgNode(String parentOrgId, String type, String name) {
    }

    public static JobPart empty() {
        return new JobPart(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), 0);
    }

    public JobPart withPersons(long n) {
        return new JobPart(orgs, own, todo, n);
    }
}
