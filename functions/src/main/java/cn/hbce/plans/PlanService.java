package cn.hbce.plans;

import cn.hbce.common.Ids;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.Conflict;
import cn.hbce.common.domain.Forbidden;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.domain.NotFound;
import cn.hbce.common.domain.Reason;
import cn.hbce.common.files.AttachedFile;
import cn.hbce.common.files.Attachments;
import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import cn.hbce.common.validation.Dates;
import cn.hbce.common.validation.Fields;
import cn.hbce.org.Org;
import cn.hbce.org.OrgRepository;
import cn.hbce.org.OrgType;
import cn.hbce.review.ReviewDecisions;
import cn.hbce.review.ReviewService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 培训计划管理 (5.1.5): units and bases submit annual plans, plan declarations (with courses) and
 * annual summaries; their supervising department reviews them through the review API. A plan is
 * seen by its own org (admins who may submit plans) and by the admins of the deciding department
 * who may review plans; to anyone else it does not exist (404), and so do its files.
 */
public final class PlanService {
    public static final String OWNER_KIND = "PLAN";
    public static final int MAX_FILES = 20;
    public static final int MAX_COURSES = 100;
    private static final BigDecimal MAX_HOURS = new BigDecimal("1000");
    private static final int MAX_CAPACITY = 100_000;
    private static final Set<String> CATEGORIES = Set.of("PUBLIC", "PROFESSIONAL");
    private static final int EARLIER_SHOWN = 10;
    private final OrgRepository orgs;
    private final PlanRepository plans;
    private final Attachments attachments;
    private final ReviewService reviews;
    private final ReviewDecisions decisions;
    private final Clock clock;

    public PlanService(OrgRepository orgs, PlanRepository plans, Attachments attachments, ReviewService reviews,
                       ReviewDecisions decisions, Clock clock) {
        this.orgs = orgs;
        this.plans = plans;
        this.attachments = attachments;
        this.reviews = reviews;
        this.decisions = decisions;
        this.clock = clock;
    }

    public record Submitted(String planId, String reviewId) {
    }

    public Submitted submit(Actor caller, PlanSubmission req, AuditContext meta) {
        Fields f = new Fields();
        PlanKind kind = PlanKind.parse(req.kind()).orElse(null);
        f.require("kind", kind != null);
        f.require("year", req.year() != null && req.year() >= Dates.EARLIEST.getYear() && req.year() <= Dates.LATEST.getYear());
        String title = f.text("title", req.title(), 100);
        String content = f.optionalText("content", req.content(), 5000);
        List<String> fileIds = fileIds(f, req.fileIds());
        List<Course> courses = courses(f, kind, req.courses());
        f.throwIfInvalid();
        Org org = orgs.get(caller.requireOrg()).orElseThrow(() -> new NotFound());
        if (org.type() != OrgType.UNIT && org.type() != OrgType.BASE) {
            // Departments review plans; only units and bases submit them.
            throw new Forbidden();
        }

        int year = req.year();
        String planId = Ids.newId("t");
        String reviewId = Ids.newId("r");
        if (kind.onePendingPerYear() && !plans.reserveYear(org.orgId(), kind, year, planId)) {
            throw new Conflict(Reason.PLAN_PENDING);
        }
        boolean created = false;
        boolean attached = false;
        try {
            List<TrainingPlan> earlier = plans.latest(org.orgId(), new PlanRepository.PlanFilter(java.util.Optional.of(kind),
                    java.util.Optional.of(year), java.util.Optional.empty()), EARLIER_SHOWN);
            List<AttachedFile> files = attachments.attach(caller, fileIds, OWNER_KIND, planId, meta);
            attached = true;
            Instant now = clock.instant();
            TrainingPlan plan = new TrainingPlan(planId, org.orgId(), org.name(), org.type().name(), kind, year, title,
                    content, files, courses, PlanStatus.PENDING, reviewId, org.parentOrgId(), caller.personId(), now, null, null);
            plans.create(plan);
            created = true;
            Map<String, Object> subject = PlanViews.subject(plan);
            Map<String, Object> detail = PlanViews.reviewDetail(plan, earlier);
            reviews.submit(reviewId, new ReviewService.Submission(kind.reviewKind(), planId, subject, detail,
                    org.name() + " " + title, List.of(List.of(org.parentOrgId()))), meta);
            return new Submitted(planId, reviewId);
        } catch (RuntimeException refused) {
            if (created) {
                plans.delete(planId);
            }
            if (attached) {
                attachments.release(fileIds, OWNER_KIND, planId);
            }
            if (kind.onePendingPerYear()) {
                plans.releaseYear(org.orgId(), kind, year, planId);
            }
            throw refused;
        }
    }

    /** The caller's own org's plans. */
    public Page<TrainingPlan> list(Actor caller, PlanRepository.PlanFilter filter, PageRequest page) {
        return plans.list(caller.requireOrg(), filter, page);
    }

    /** A plan with the decisions made on it. */
    public record Detail(TrainingPlan plan, List<ReviewDecisions.Made> decisions) {
    }

    public Detail detail(Actor caller, String planId) {
        TrainingPlan plan = plans.get(planId).filter(p -> canSee(caller, p)).orElseThrow(() -> new NotFound());
        return new Detail(plan, decisions.of(plan.reviewId()));
    }

    /** Whether the caller may see the plan (and so its files): its own org's submitters, or its deciders. */
    public boolean canSee(Actor caller, String planId) {
        return plans.get(planId).map(p -> canSee(caller, p)).orElse(false);
    }

    private static boolean canSee(Actor caller, TrainingPlan plan) {
        if (!caller.isAdmin() || caller.orgId() == null) {
            return false;
        }
        return caller.orgId().equals(plan.orgId()) && caller.can("plans.submit")
                || caller.orgId().equals(plan.reviewOrgId()) && caller.can(plan.kind().reviewKind().permission());
    }

    private static List<String> fileIds(Fields f, List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        boolean ok = ids.size() <= MAX_FILES && ids.stream().allMatch(Ids::plausible) && new HashSet<>(ids).size() == ids.size();
        f.require("fileIds", ok);
        return ok ? List.copyOf(ids) : List.of();
    }

    /** Required (1–100) for a declaration, absent otherwise; each course valid on its own. */
    private static List<Course> courses(Fields f, PlanKind kind, List<PlanSubmission.CourseInput> input) {
        if (kind != PlanKind.PLAN_DECLARATION) {
            f.require("courses", input == null || input.isEmpty());
            return List.of();
        }
        if (input == null || input.isEmpty() || input.size() > MAX_COURSES) {
            f.require("courses", false);
            return List.of();
        }
        List<Course> out = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            PlanSubmission.CourseInput c = input.get(i);
            String at = "courses[" + i + "]";
            if (c == null) {
                f.require(at, false);
                continue;
            }
            String title = f.text(at + ".title", c.title(), 100);
            f.require(at + ".category", CATEGORIES.contains(c.category()));
            f.require(at + ".hours", c.hours() != null && c.hours().signum() > 0 && c.hours().compareTo(MAX_HOURS) <= 0
                    && c.hours().stripTrailingZeros().scale() <= 1);
            LocalDate start = day(f, at + ".startDate", c.startDate());
            LocalDate end = day(f, at + ".endDate", c.endDate());
            f.require(at + ".endDate", start == null || end == null || !end.isBefore(start));
            f.require(at + ".capacity", c.capacity() == null || c.capacity() >= 1 && c.capacity() <= MAX_CAPACITY);
            out.add(new Course("c" + (i + 1), title, c.category(), c.hours(),
                    start == null ? null : start.toString(), end == null ? null : end.toString(), c.capacity()));
        }
        return out;
    }

    private static LocalDate day(Fields f, String field, String raw) {
        try {
            return Dates.day(field, raw);
        } catch (Invalid bad) {
            f.require(field, false);
            return null;
        }
    }
}
