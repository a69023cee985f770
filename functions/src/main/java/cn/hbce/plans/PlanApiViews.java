package cn.hbce.plans;

import cn.hbce.common.files.AttachedFile;
import cn.hbce.review.ReviewDecisions;
import cn.hbce.review.ReviewStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** How plans look in the API. */
final class PlanApiViews {
    private PlanApiViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Summary(String planId, String reviewId, PlanKind kind, int year, String title, PlanStatus status,
                   Instant submittedAt, Instant decidedAt, String comment, int fileCount, int courseCount) {
        static Summary of(TrainingPlan p) {
            return new Summary(p.planId(), p.reviewId(), p.kind(), p.year(), p.title(), p.status(), p.submittedAt(),
                    p.decidedAt(), p.comment(), p.files().size(), p.courses().size());
        }
    }

    record FileView(String fileId, String fileName, String contentType, long size, String downloadUrl) {
        static FileView of(AttachedFile f) {
            return new FileView(f.fileId(), f.fileName(), f.contentType(), f.size(), f.downloadUrl());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DecisionView(int stageIndex, String orgId, ReviewStatus decision, Instant decidedAt, String comment) {
        static DecisionView of(ReviewDecisions.Made m) {
            return new DecisionView(m.stageIndex(), m.orgId(), m.status(), m.decidedAt(), m.comment());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Full(String planId, String reviewId, String orgId, String orgName, String orgType, PlanKind kind, int year,
                String title, String content, List<FileView> files, List<Course> courses, PlanStatus status,
                String reviewOrgId, Instant submittedAt, Instant decidedAt, String comment, List<DecisionView> decisions) {
        static Full of(PlanService.Detail d) {
            TrainingPlan p = d.plan();
            return new Full(p.planId(), p.reviewId(), p.orgId(), p.orgName(), p.orgType(), p.kind(), p.year(), p.title(),
                    p.content(), p.files().stream().map(FileView::of).toList(), p.courses(), p.status(), p.reviewOrgId(),
                    p.submittedAt(), p.decidedAt(), p.comment(), d.decisions().stream().map(DecisionView::of).toList());
        }
    }
}
