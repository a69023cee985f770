package cn.hbce.common.audit;

import java.time.Instant;

/** One append-only audit fact: who did what to which target, from where, with what result. */
public record AuditRecord(
        Instant at,
        AuditContext meta,
        String action,
        String targetType,
        String targetId,
        String result) {

    public static final String SUCCESS = "SUCCESS";
    public static final String FAILURE = "FAILURE";
}
