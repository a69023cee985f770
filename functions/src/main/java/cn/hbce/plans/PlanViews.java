package cn.hbce.plans;

import cn.hbce.common.files.AttachedFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a plan appears inside its review (plain maps: a review's subject and detail are stored as JSON). */
final class PlanViews {
    private PlanViews() {
    }

    /** The list line of the review queue: the org, the kind's summary fields. */
    static Map<String, Object> subject(TrainingPlan plan) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("planId", plan.planId());
        subject.put("orgId", plan.orgId());
        subject.put("name", plan.orgName());
        subject.put("orgType", plan.orgType());
        subject.put("year", plan.year());
        subject.put("title", plan.title());
        if (!plan.courses().isEmpty()) {
            subject.put("courseCount", plan.courses().size());
        }
        return subject;
    }

    /** Everything the reviewer needs on one page: submitter, org, fields, courses, files, earlier decisions. */
    static Map<String, Object> reviewDetail(TrainingPlan plan, List<TrainingPlan> earlier) {
        Map<String, Object> detail = new LinkedHashMap<>(subject(plan));
        detail.put("kind", plan.kind().name());
        detail.put("submitter", Map.of("personId", plan.submittedBy()));
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("orgId", plan.orgId());
        org.put("name", plan.orgName());
        org.put("type", plan.orgType());
        detail.put("org", org);
        detail.put("content", plan.content());
        detail.put("courses", plan.courses().stream().map(PlanViews::course).toList());
        detail.put("files", plan.files().stream().map(AttachedFile::asMap).toList());
        detail.put("earlierDecisions", earlier.stream().filter(p -> p.status() != PlanStatus.PENDING).map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("planId", p.planId());
            m.put("reviewId", p.reviewId());
            m.put("title", p.title());
            m.put("status", p.status().name());
            m.put("submittedAt", p.submittedAt().toString());
            m.put("decidedAt", p.decidedAt() == null ? null : p.decidedAt().toString());
            m.put("comment", p.comment());
            return m;
        }).toList());
        return detail;
    }

    private static Map<String, Object> course(Course c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("courseId", c.courseId());
        m.put("title", c.title());
        m.put("category", c.category());
        m.put("hours", c.hours());
        m.put("startDate", c.startDate());
        m.put("endDate", c.endDate());
        m.put("capacity", c.capacity());
        return m;
    }
}
