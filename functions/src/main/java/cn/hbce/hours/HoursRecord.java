package cn.hbce.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One person's hours of one activity. {@code unitOrgId} is the person's org when the hours were
 * recorded and {@code deptOrgId} the department whose jurisdiction the record is listed under (the
 * org's supervising department, or the org itself for a person of a department).
 */
public record HoursRecord(
        String recordId,
        String personId,
        String name,
        String idCardMasked,
        String unitOrgId,
        String unitName,
        String deptOrgId,
        int year,
        Category category,
        String activityType,
        String title,
        double hours,
        LocalDate startDate,
        LocalDate endDate,
        String provider,
        RecordStatus status,
        RecordSource source,
        String reviewId,
        String declarationId,
        List<String> evidenceFileIds,
        Instant createdAt,
        Instant decidedAt,
        String deleteReason) {

    public HoursRecord {
        evidenceFileIds = evidenceFileIds == null ? List.of() : List.copyOf(evidenceFileIds);
    }
}
