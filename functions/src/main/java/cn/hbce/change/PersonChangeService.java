package cn.hbce.change;

import cn.hbce.account.AccountRepository;
import cn.hbce.account.Person;
import cn.hbce.account.PersonRegistration;
import cn.hbce.account.RegistrationStatus;
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
import cn.hbce.common.validation.IdCard;
import cn.hbce.org.Org;
import cn.hbce.org.OrgRepository;
import cn.hbce.org.OrgType;
import cn.hbce.registration.TitleSeriesCatalogue;
import cn.hbce.review.ReviewKind;
import cn.hbce.review.ReviewService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 人员信息修改 (5.1.4.1): a professional asks to change their title series, level or the date they
 * obtained it; the deciding department (as for their registration) sees before and after and
 * decides. One request is pending at a time: the mark on the person's record is taken with a
 * conditional write before anything else, so of two simultaneous requests one is refused.
 */
public final class PersonChangeService {
    public static final String OWNER_KIND = "CHANGE";
    public static final int MAX_FILES = 10;
    private static final int EARLIER_SHOWN = 10;
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private final AccountRepository accounts;
    private final OrgRepository orgs;
    private final PersonChangeRepository changes;
    private final TitleSeriesCatalogue titles;
    private final Attachments attachments;
    private final ReviewService reviews;
    private final Clock clock;

    public PersonChangeService(AccountRepository accounts, OrgRepository orgs, PersonChangeRepository changes,
                               TitleSeriesCatalogue titles, Attachments attachments, ReviewService reviews, Clock clock) {
        this.accounts = accounts;
        this.orgs = orgs;
        this.changes = changes;
        this.titles = titles;
        this.attachments = attachments;
        this.reviews = reviews;
        this.clock = clock;
    }

    /** Submits the change for review; returns the review's id (which is also the request's). */
    public String submit(Actor caller, PersonChangeRequest req, AuditContext meta) {
        Person person = professional(caller);
        PersonRegistration reg = person.registration();
        Instant now = clock.instant();
        LocalDate today = now.atZone(CHINA).toLocalDate();

        Fields f = new Fields();
        String series = f.optionalText("titleSeries", req.titleSeries(), 30);
        String level = f.optionalText("titleLevel", req.titleLevel(), 10);
        String reason = f.optionalText("reason", req.reason(), 500);
        String obtainedOn = obtainedOn(f, req.titleObtainedOn(), today);
        List<String> fileIds = fileIds(f, "evidenceFileIds", req.evidenceFileIds());
        f.throwIfInvalid();
        String newSeries = series == null ? reg.titleSeries() : series;
        String newLevel = level == null ? reg.titleLevel() : level;
        if (series != null && titles.all().stream().noneMatch(s -> s.name().equals(series))) {
            throw Invalid.field("titleSeries");
        }
        if ((series != null || level != null) && !titles.valid(newSeries, newLevel)) {
            throw Invalid.field("titleLevel");
        }
        List<FieldChange> asked = new ArrayList<>();
        addIfChanged(asked, "titleSeries", reg.titleSeries(), series);
        addIfChanged(asked, "titleLevel", reg.titleLevel(), level);
        addIfChanged(asked, "titleObtainedOn", reg.titleObtainedOn(), obtainedOn);
        if (asked.isEmpty()) {
            throw new Invalid(Reason.NOTHING_TO_CHANGE, List.of("body"));
        }

        Org org = orgs.get(reg.orgId()).orElseThrow(() -> new Forbidden());
        String decider = org.type() == OrgType.DEPARTMENT ? org.orgId() : org.parentOrgId();
        String reviewId = Ids.newId("r");
        if (!changes.reservePending(person.personId(), reviewId)) {
            throw new Conflict(Reason.CHANGE_PENDING);
        }
        PersonChange change = null;
        try {
            List<PersonChange> earlier = changes.latest(person.personId(), EARLIER_SHOWN);
            List<AttachedFile> files = attachments.attach(caller, fileIds, OWNER_KIND, reviewId, meta);
            change = new PersonChange(reviewId, person.personId(), ChangeStatus.PENDING, asked, reason, files, now, null, null);
            changes.save(change);
            Map<String, Object> subject = subject(person, org, asked);
            Map<String, Object> detail = new LinkedHashMap<>(subject);
            detail.put("submitter", Map.of("personId", person.personId(), "name", person.name()));
            detail.put("org", orgOf(org));
            detail.put("changes", asked.stream().map(PersonChangeService::changeMap).toList());
            detail.put("reason", reason);
            detail.put("files", ChangeViews.files(files));
            detail.put("earlierDecisions", earlier.stream().map(ChangeViews::earlier).toList());
            detail.put("requestedAt", now.toString());
            reviews.submit(reviewId, new ReviewService.Submission(ReviewKind.PERSON_CHANGE, person.personId(), subject,
                    detail, person.name() + " " + org.name(), List.of(List.of(decider))), meta);
            return reviewId;
        } catch (RuntimeException refused) {
            // Not submitted (refused, e.g. a transfer is pending, or failed): the person may ask again.
            if (change != null) {
                changes.discard(change);
                attachments.release(fileIds, OWNER_KIND, reviewId);
            }
            changes.releasePending(person.personId(), reviewId);
            throw refused;
        }
    }

    /**
     * Whether the caller may see the change {@code reviewId} (and so download its evidence): the
     * professional who asked, or an admin who may decide it. False, never a refusal, for anything else.
     */
    public boolean canSee(Actor caller, String reviewId) {
        if (!caller.isAdmin()) {
            return changes.request(caller.personId(), reviewId).isPresent();
        }
        try {
            return reviews.detail(caller, reviewId).review().kind() == ReviewKind.PERSON_CHANGE;
        } catch (NotFound notADecider) {
            return false;
        }
    }

    /** The caller's own requests, newest first, with status and the decider's comment. */
    public Page<PersonChange> mine(Actor caller, PageRequest page) {
        Person person = professional(caller);
        return changes.requests(person.personId(), page);
    }

    /** A signed-in professional whose registration was approved; admins and others may not ask. */
    private Person professional(Actor caller) {
        if (caller.isAdmin()) {
            throw new Forbidden();
        }
        Person person = accounts.person(caller.personId()).orElseThrow(() -> new Forbidden());
        if (person.registration() == null || person.registration().status() != RegistrationStatus.APPROVED) {
            throw new Forbidden();
        }
        return person;
    }

    private static String obtainedOn(Fields f, String raw, LocalDate today) {
        if (raw == null) {
            return null;
        }
        try {
            LocalDate day = Dates.day("titleObtainedOn", raw);
            f.require("titleObtainedOn", !day.isAfter(today));
            return day.toString();
        } catch (Invalid bad) {
            f.require("titleObtainedOn", false);
            return null;
        }
    }

    /** Up to {@link #MAX_FILES} ids that could be ours, none twice. */
    static List<String> fileIds(Fields f, String field, List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        boolean ok = ids.size() <= MAX_FILES && ids.stream().allMatch(Ids::plausible) && new HashSet<>(ids).size() == ids.size();
        f.require(field, ok);
        return ok ? List.copyOf(ids) : List.of();
    }

    private static void addIfChanged(List<FieldChange> out, String field, String before, String after) {
        if (after != null && !Objects.equals(before, after)) {
            out.add(new FieldChange(field, before, after));
        }
    }

    private static Map<String, Object> subject(Person person, Org org, List<FieldChange> asked) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("personId", person.personId());
        subject.put("name", person.name());
        subject.put("idCardMasked", IdCard.mask(person.idCard()));
        subject.put("unitOrgId", org.orgId());
        subject.put("unitName", org.name());
        subject.put("fields", asked.stream().map(FieldChange::field).toList());
        return subject;
    }

    static Map<String, Object> changeMap(FieldChange c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", c.field());
        m.put("before", c.before());
        m.put("after", c.after());
        return m;
    }

    private static Map<String, Object> orgOf(Org org) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orgId", org.orgId());
        m.put("name", org.name());
        m.put("type", org.type().name());
        return m;
    }
}
