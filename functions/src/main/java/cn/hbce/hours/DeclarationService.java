package cn.hbce.hours;

import cn.hbce.common.Ids;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.Forbidden;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.domain.NotFound;
import cn.hbce.common.domain.Reason;
import cn.hbce.common.validation.Dates;
import cn.hbce.common.validation.Fields;
import cn.hbce.common.validation.IdCard;
import cn.hbce.common.validation.Texts;
import cn.hbce.org.Org;
import cn.hbce.org.OrgRepository;
import cn.hbce.org.OrgType;
import cn.hbce.review.ReviewKind;
import cn.hbce.review.ReviewService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 学时申报 in bulk by a unit or base: one course, up to 500 trainees. Each trainee must be a
 * registered (approved) professional whose ID number and name both match; the others come back as
 * rejected rows. The accepted ones go to one HOURS_DECLARATION review at the declaring org's
 * supervising department; its approval writes their records ({@link HoursDeclarationEffect}).
 */
public final class DeclarationService {
    public static final int MAX_TRAINEES = 500;
    private final OrgRepository orgs;
    private final Registrants registrants;
    private final HoursRepository records;
    private final DeclarationRepository declarations;
    private final CeRulesService rules;
    private final ReviewService reviews;
    private final AuditLog audit;
    private final Clock clock;

    public DeclarationService(OrgRepository orgs, Registrants registrants, HoursRepository records,
                              DeclarationRepository declarations, CeRulesService rules, ReviewService reviews,
                              AuditLog audit, Clock clock) {
        this.orgs = orgs;
        this.registrants = registrants;
        this.records = records;
        this.declarations = declarations;
        this.rules = rules;
        this.reviews = reviews;
        this.audit = audit;
        this.clock = clock;
    }

    public record TraineeInput(String idCard, String name) {
    }

    /** What POST /v1/hours/declarations sends. */
    public record DeclarationInput(Integer year, String category, String activityType, String courseTitle, Double hours,
                                   String startDate, String endDate, String planId, List<TraineeInput> trainees) {
    }

    /** Why a trainee row was not accepted. */
    public enum RowRejection { ID_CARD_INVALID, DUPLICATE, NOT_REGISTERED, NAME_MISMATCH, OVER_CAP }

    public record Rejected(int index, RowRejection reason) {
    }

    public record Declared(String declarationId, String reviewId, int accepted, List<Rejected> rejected) {
    }

    public Declared declare(Actor actor, DeclarationInput in, AuditContext meta) {
        Fields f = new Fields();
        f.require("year", in.year() != null && in.year() >= 2000 && in.year() <= 2100);
        Optional<Category> category = Category.parse(in.category());
        f.require("category", category.isPresent());
        f.require("activityType", in.activityType() != null && !in.activityType().isBlank() && in.activityType().length() <= 30);
        String title = f.text("courseTitle", in.courseTitle(), 100);
        f.require("hours", in.hours() != null);
        f.require("startDate", in.startDate() != null);
        f.require("endDate", in.endDate() != null);
        String planId = f.optionalText("planId", in.planId(), 100);
        List<TraineeInput> rows = in.trainees() == null ? List.of() : in.trainees();
        f.require("trainees", !rows.isEmpty() && rows.size() <= MAX_TRAINEES);
        f.throwIfInvalid();
        LocalDate start = Dates.day("startDate", in.startDate());
        LocalDate end = Dates.day("endDate", in.endDate());
        // Checked after the body: the permission is for units and bases, a department holding it declares nothing.
        Org org = orgs.get(actor.requireOrg()).orElseThrow(NotFound::new);
        if (org.type() != OrgType.UNIT && org.type() != OrgType.BASE) {
            throw new Forbidden();
        }
        int year = in.year();
        CeRules yearRules = rules.rulesFor(year).orElseThrow(() -> new Invalid(Reason.HOURS_NO_RULES, List.of("year")));
        ActivityType type = HoursRules.checkActivity(yearRules, in.activityType(), in.hours(), start, end, rules.today());

        // Rows: a valid ID number, once per declaration, registered and approved, with the same name.
        List<Rejected> rejected = new ArrayList<>();
        Map<Integer, String> idOfRow = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            TraineeInput row = rows.get(i);
            Optional<String> id = row == null ? Optional.empty() : IdCard.normalize(row.idCard(), rules.today());
            if (id.isEmpty()) {
                rejected.add(new Rejected(i, RowRejection.ID_CARD_INVALID));
            } else if (!seen.add(id.get())) {
                rejected.add(new Rejected(i, RowRejection.DUPLICATE));
            } else {
                idOfRow.put(i, id.get());
            }
        }
        Map<String, Registrants.Registrant> found = registrants.byIdCards(idOfRow.values());
        List<Declaration.Trainee> accepted = new ArrayList<>();
        for (Map.Entry<Integer, String> row : idOfRow.entrySet()) {
            Registrants.Registrant r = found.get(row.getValue());
            String given = rows.get(row.getKey()).name();
            if (r == null || !r.approved()) {
                rejected.add(new Rejected(row.getKey(), RowRejection.NOT_REGISTERED));
            } else if (given == null || !Texts.comparable(given).equals(Texts.comparable(r.name()))) {
                rejected.add(new Rejected(row.getKey(), RowRejection.NAME_MISMATCH));
            } else if (type.maxHoursPerYear() != null
                    && !HoursRules.fitsCap(type, in.hours(), records.ofPersonYear(r.personId(), year))) {
                rejected.add(new Rejected(row.getKey(), RowRejection.OVER_CAP));
            } else {
                accepted.add(new Declaration.Trainee(r.personId(), r.name(), IdCard.mask(r.idCard()), r.orgId(),
                        r.orgName(), r.deptOrgId()));
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(Rejected::index));
        if (accepted.isEmpty()) {
            throw Invalid.field("trainees");
        }

        Instant now = clock.instant();
        String declarationId = Ids.newId("d");
        String reviewId = Ids.newId("r");
        declarations.create(new Declaration(declarationId, org.orgId(), org.name(), year, category.get(), type.code(),
                title, in.hours(), start, end, planId, accepted, reviewId, actor.personId(), now, false));
        audit.record(new AuditRecord(now, meta, "DECLARE_HOURS", "HOURS_DECLARATION", declarationId, AuditRecord.SUCCESS));

        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("orgId", org.orgId());
        subject.put("name", org.name());
        subject.put("declarationId", declarationId);
        subject.put("year", year);
        subject.put("category", category.get().name());
        subject.put("activityType", type.code());
        subject.put("courseTitle", title);
        subject.put("hours", in.hours());
        subject.put("trainees", accepted.size());
        Map<String, Object> detail = new LinkedHashMap<>(subject);
        detail.put("startDate", start.toString());
        detail.put("endDate", end.toString());
        detail.put("planId", planId);
        detail.put("acceptedTrainees", accepted.stream().map(t -> Map.of("personId", t.personId(), "name", t.name(),
                "idCardMasked", t.idCardMasked(), "unitName", t.unitName())).toList());
        detail.put("rejectedRows", rejected.stream().map(r -> Map.of("index", r.index(), "reason", r.reason().name())).toList());
        reviews.submit(reviewId, new ReviewService.Submission(ReviewKind.HOURS_DECLARATION, org.orgId(), subject, detail,
                org.name() + " " + title, List.of(List.of(org.parentOrgId()))), meta);
        return new Declared(declarationId, reviewId, accepted.size(), rejected);
    }
}
