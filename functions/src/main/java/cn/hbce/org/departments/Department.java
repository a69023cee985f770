package cn.hbce.org.departments;

import cn.hbce.common.validation.Texts;
import java.time.Instant;

/** 内设部门: an internal department of an org, named uniquely within it. */
public record Department(
        String orgId,
        String deptId,
        String name,
        String leader,
        String phone,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** The form of a name that uniqueness is decided on: NFKC (全角 = 半角), case-folded. */
    public static String nameKey(String name) {
        return Texts.comparable(name);
    }

    public String nameKey() {
        return nameKey(name);
    }

    public Department edited(String newName, String newLeader, String newPhone, Instant now) {
        return new Department(orgId, deptId, newName, newLeader, newPhone, version + 1, createdAt, now);
    }
}
