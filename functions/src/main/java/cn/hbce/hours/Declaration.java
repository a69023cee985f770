package cn.hbce.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A unit's or base's bulk declaration of its trainees' hours, kept until its review ends:
 * the course and the trainees found registered, each with where their record will be listed.
 */
public record Declaration(String declarationId, String orgId, String orgName, int year, Category category,
                          String activityType, String courseTitle, double hours, LocalDate startDate,
                          LocalDate endDate, String planId, List<Trainee> trainees, String reviewId,
                          String declaredBy, Instant declaredAt, boolean applied) {

    public record Trainee(String personId, String name, String idCardMasked, String unitOrgId, String unitName,
                          String deptOrgId) {
    }

    public Declaration {
        trainees = List.copyOf(trainees);
    }
}
