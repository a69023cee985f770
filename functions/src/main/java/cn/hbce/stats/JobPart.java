package cn.hbce.stats;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one invocation of a segment scan found: every org it saw (for the tree), the figures each
 * org holds itself (not yet its subtree), the pending steps per org and kind, and for the year's
 * figures the approved members (person → org) and each person's counts of the year (approved
 * records, hours in tenths, pending claims, certificates): a person's profile and their records lie
 * in different segments, so the merge joins them. Stored as one
 * object per segment and chunk, so a retried invocation overwrites its own part and a rerun of the
 * job replaces everything: the merge gives the same result however often it runs.
 */
public record JobPart(Map<String, OrgNode> orgs, Map<String, Map<String, Long>> own, Map<String, Map<String, Long>> todo,
                      Map<String, String> members, Map<String, Map<String, Long>> personYears, long persons) {

    public JobPart {
        members = members == null ? new TreeMap<>() : members;
        personYears = personYears == null ? new TreeMap<>() : personYears;
    }

    public record OrgNode(String parentOrgId, String type, String name) {
    }

    public static JobPart empty() {
        return new JobPart(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), 0);
    }

    public JobPart withPersons(long n) {
        return new JobPart(orgs, own, todo, members, personYears, n);
    }
}
