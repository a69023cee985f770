package cn.hbce.hours;

import cn.hbce.review.ReviewStatus;
import cn.hbce.review.ReviewStep;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** How hours, rules and annual status look in the API. */
final class HoursViews {
    private HoursViews() {
    }

    /** Hours as JSON numbers without a needless ".0". */
    static BigDecimal n(double value) {
        BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    record Required(@JsonProperty("public") BigDecimal publicHours, BigDecimal professional, BigDecimal total) {
        static Required of(YearRequirement r) {
            return new Required(n(r.publicHours()), n(r.professionalHours()), n(r.totalHours()));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Activity(String code, String name, String unit, BigDecimal hoursPerUnit, BigDecimal maxHoursPerYear) {
        static Activity of(ActivityType a) {
            return new Activity(a.code(), a.name(), a.unit(), a.hoursPerUnit() == null ? null : n(a.hoursPerUnit()),
                    a.maxHoursPerYear() == null ? null : n(a.maxHoursPerYear()));
        }
    }

    record Rules(int year, Required required, List<Activity> activityTypes, String claimDeadline) {
        static Rules of(CeRules r) {
            return new Rules(r.year(), Required.of(r.required()), r.activityTypes().stream().map(Activity::of).toList(),
                    r.claimDeadline().toString());
        }
    }

    /** One of the caller's own records (GET /v1/me/hours). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Mine(String recordId, int year, Category category, String activityType, String title, BigDecimal hours,
                RecordStatus status, RecordSource source, String startDate, String endDate, String provider,
                String reviewId, List<String> evidenceFileIds, Instant createdAt, Instant decidedAt) {
        static Mine of(HoursRecord r) {
            return new Mine(r.recordId(), r.year(), r.category(), r.activityType(), r.title(), n(r.hours()), r.status(),
                    r.source(), r.startDate().toString(), r.endDate().toString(), r.provider(), r.reviewId(),
                    r.evidenceFileIds(), r.createdAt(), r.decidedAt());
        }
    }

    /** A record in the department's list (GET /v1/hours): masked ID number, never the full one. */
    record Listed(String recordId, String personId, String name, String idCardMasked, String unitOrgId, String unitName,
                  int year, Category category, String activityType, String title, BigDecimal hours, RecordStatus status,
                  RecordSource source) {
        static Listed of(HoursRecord r) {
            return new Listed(r.recordId(), r.personId(), r.name(), r.idCardMasked(), r.unitOrgId(), r.unitName(),
                    r.year(), r.category(), r.activityType(), r.title(), n(r.hours()), r.status(), r.source());
        }
    }

    record EvidenceFile(String fileId, String fileName, String contentType, long size) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TrailStep(int stageIndex, String orgId, ReviewStatus status, Instant decidedAt, String comment) {
    }

    /** One record as the department sees it (GET /v1/hours/{recordId}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Detail(String recordId, String personId, String name, String idCardMasked, String unitOrgId, String unitName,
                  int year, Category category, String activityType, String title, BigDecimal hours, RecordStatus status,
                  RecordSource source, String startDate, String endDate, String provider, String reviewId,
                  String declarationId, Instant createdAt, Instant decidedAt, String deleteReason,
                  List<EvidenceFile> evidenceFiles, List<TrailStep> reviewTrail) {
        static Detail of(HoursDeskService.RecordDetail d) {
            HoursRecord r = d.record();
            return new Detail(r.recordId(), r.personId(), r.name(), r.idCardMasked(), r.unitOrgId(), r.unitName(), r.year(),
                    r.category(), r.activityType(), r.title(), n(r.hours()), r.status(), r.source(),
                    r.startDate().toString(), r.endDate().toString(), r.provider(), r.reviewId(), r.declarationId(),
                    r.createdAt(), r.decidedAt(), r.deleteReason(),
                    d.evidence().stream().map(f -> new EvidenceFile(f.fileId(), f.fileName(), f.contentType(), f.size())).toList(),
                    d.trail().stream().map(s -> new TrailStep(s.stageIndex(), s.orgId(), s.status(), s.decidedAt(), s.comment()))
                            .toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AnnualStatus(int year, BigDecimal publicHours, BigDecimal professionalHours, BigDecimal totalHours,
                        Required required, boolean met, String certificateId) {
        static AnnualStatus of(ClaimService.AnnualStatus s) {
            return new AnnualStatus(s.year(), n(s.totals().publicHours()), n(s.totals().professionalHours()),
                    n(s.totals().total()), Required.of(s.required()), s.met(), s.certificateId().orElse(null));
        }
    }
}
