package cn.hbce.hours;

import cn.hbce.counters.StatsEvents;
import cn.hbce.common.Ids;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.Conflict;
import cn.hbce.common.domain.Forbidden;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.domain.Reason;
import cn.hbce.common.validation.Dates;
import cn.hbce.common.validation.Fields;
import cn.hbce.common.validation.IdCard;
import cn.hbce.review.ReviewKind;
import cn.hbce.review.ReviewService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 学时申报 by a professional: the claim is checked against the year's rules, stored PENDING and sent
 * through the approval with two stages (the person's unit 初审, then its supervising department
 * 复审; one stage when the person belongs to a department). Also the person's own records and
 * annual status.
 */
public final class ClaimService {
    public static final int MAX_EVIDENCE = 10;
    /** The owner kind of evidence files (files' AttachmentVisibility asks {@link HoursDeskService#canSee}). */
    public static final String EVIDENCE_OWNER = "HOURS_RECORD";
    private final HoursRepository records;
    private final Registrants registrants;
    private final CeRulesService rules;
    private final ReviewService reviews;
    private final EvidenceAttacher evidence;
    private final CertificateLookup certificates;
    private final AuditLog audit;
    private final Clock clock;
    private final StatsEvents stats;

    public ClaimService(HoursRepository records, Registrants registrants, CeRulesService rules, ReviewService reviews,
                        EvidenceAttacher evidence, CertificateLookup certificates, AuditLog audit, Clock clock) {
        this(records, registrants, rules, reviews, evidence, certificates, audit, clock, StatsEvents.NONE);
    }

    /** {@code stats} counts the claims waiting for review (statistics' pendingClaims). */
    public ClaimService(HoursRepository records, Registrants registrants, CeRulesService rules, ReviewService reviews,
                        EvidenceAttacher evidence, CertificateLookup certificates, AuditLog audit, Clock clock,
                        StatsEvents stats) {
        this.stats = stats;
        this.records = records;
        this.registrants = registrants;
        this.rules = rules;
        this.reviews = reviews;
        this.evidence = evidence;
        this.certificates = certificates;
        this.audit = audit;
        this.clock = clock;
    }

    /** What POST /v1/me/hours sends. */
    public record ClaimInput(Integer year, String category, String activityType, String title, Double hours,
                             String startDate, String endDate, String provider, List<String> evidenceFileIds) {
    }

    public record Claimed(String recordId, String reviewId) {
    }

    public Claimed claim(Actor actor, ClaimInput in, AuditContext meta) {
        Fields f = new Fields();
        f.require("year", in.year() != null && in.year() >= 2000 && in.year() <= 2100);
        Optional<Category> category = Category.parse(in.category());
        f.require("category", category.isPresent());
        f.require("activityType", in.activityType() != null && !in.activityType().isBlank() && in.activityType().length() <= 30);
        String title = f.text("title", in.title(), 100);
        f.require("hours", in.hours() != null);
        f.require("startDate", in.startDate() != null);
        f.require("endDate", in.endDate() != null);
        String provider = f.optionalText("provider", in.provider(), 100);
        List<String> files = in.evidenceFileIds() == null ? List.of() : in.evidenceFileIds();
        f.require("evidenceFileIds", files.size() <= MAX_EVIDENCE && files.stream().allMatch(Ids::plausible)
                && files.stream().distinct().count() == files.size());
        f.throwIfInvalid();
        LocalDate start = Dates.day("startDate", in.startDate());
        LocalDate end = Dates.day("endDate", in.endDate());

        Registrants.Registrant me = registrants.byPersonId(actor.personId()).filter(Registrants.Registrant::approved)
                .orElseThrow(() -> new Forbidden(Reason.NOT_A_PROFESSIONAL));
        int year = in.year();
        CeRules yearRules = rules.rulesFor(year).orElseThrow(() -> new Invalid(Reason.HOURS_NO_RULES, List.of("year")));
        ActivityType type = HoursRules.checkActivity(yearRules, in.activityType(), in.hours(), start, end, rules.today());
        List<HoursRecord> ofYear = records.ofPersonYear(me.personId(), year);
        boolean duplicate = ofYear.stream().anyMatch(r -> r.status().live() && r.activityType().equals(type.code())
                && r.title().equals(title) && r.startDate().equals(start) && r.endDate().equals(end));
        if (duplicate) {
            throw new Conflict(Reason.HOURS_ALREADY_CLAIMED);
        }
        if (!HoursRules.fitsCap(type, in.hours(), ofYear)) {
            throw new Invalid(Reason.HOURS_OVER_CAP, List.of("hours"));
        }

        Instant now = clock.instant();
        String recordId = RecordIds.forClaim(year, me.personId());
        String reviewId = Ids.newId("r");
        HoursRecord record = new HoursRecord(recordId, me.personId(), me.name(), IdCard.mask(me.idCard()), me.orgId(),
                me.orgName(), me.deptOrgId(), year, category.get(), type.code(), title, in.hours(), start, end, provider,
                RecordStatus.PENDING, RecordSource.CLAIM, reviewId, null, files, now, null, null);
        // Files first: a file already in use (409) or not READY refuses the claim before anything is stored.
        evidence.attach(actor, files, recordId, meta);
        records.create(record);
        audit.record(new AuditRecord(now, meta, "CLAIM_HOURS", "HOURS_RECORD", recordId, AuditRecord.SUCCESS));
        stats.hoursClaimSubmitted(me.orgId(), year);

        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("personId", me.personId());
        subject.put("name", me.name());
        subject.put("idCardMasked", record.idCardMasked());
        subject.put("unitOrgId", me.orgId());
        subject.put("unitName", me.orgName());
        subject.put("recordId", recordId);
        subject.put("year", year);
        subject.put("category", record.category().name());
        subject.put("activityType", type.code());
        subject.put("title", title);
        subject.put("hours", in.hours());
        Map<String, Object> detail = new LinkedHashMap<>(subject);
        detail.put("startDate", start.toString());
        detail.put("endDate", end.toString());
        detail.put("provider", provider);
        detail.put("evidenceFileIds", files);
        List<List<String>> stages = "DEPARTMENT".equals(me.orgType())
                ? List.of(List.of(me.orgId()))
                : List.of(List.of(me.orgId()), List.of(me.deptOrgId()));
        try {
            reviews.submit(reviewId, new ReviewService.Submission(ReviewKind.HOURS_CLAIM, me.personId(), subject, detail,
                    me.name() + " " + title, stages), meta);
        } catch (RuntimeException notStarted) {
            // No review will ever decide it: it must not hold a place under a cap.
            if (records.decide(recordId, reviewId, RecordStatus.REJECTED, now)) {
                stats.hoursClaimClosed(me.orgId(), year);
            }
            throw notStarted;
        }
        return new Claimed(recordId, reviewId);
    }

    /** GET /v1/me/hours: the caller's own records (of a year, or of every year). */
    public List<HoursRecord> mine(Actor actor, Optional<Integer> year) {
        return year.map(y -> records.ofPersonYear(actor.personId(), y)).orElseGet(() -> records.ofPerson(actor.personId()));
    }

    public record AnnualStatus(int year, YearTotals totals, YearRequirement required, boolean met,
                               Optional<String> certificateId) {
    }

    /** GET /v1/me/annual-status: approved hours of the year against its rules. */
    public AnnualStatus annualStatus(Actor actor, int year) {
        YearTotals totals = new RecordLedger(records).approvedTotals(actor.personId(), year);
        YearRequirement required = rules.requirementFor(year);
        return new AnnualStatus(year, totals, required, required.metBy(totals),
                certificates.certificateIdFor(actor.personId(), year));
    }
}
