package cn.hbce.registration;

import cn.hbce.counters.StatsEvents;
import cn.hbce.account.AccountRepository;
import cn.hbce.account.PersonCreation;
import cn.hbce.account.PersonRegistration;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.account.PasswordHasher;
import cn.hbce.account.PasswordPolicy;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.domain.Conflict;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.domain.Reason;
import cn.hbce.common.validation.Fields;
import cn.hbce.common.validation.IdCard;
import cn.hbce.common.validation.Phone;
import cn.hbce.org.Org;
import cn.hbce.org.OrgRepository;
import cn.hbce.org.OrgType;
import cn.hbce.review.ReviewKind;
import cn.hbce.review.ReviewService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 专业技术人员注册: reviewed by the person's org if it is a department, else by its supervising
 * department. A pending or approved ID number cannot register again; a rejected one can.
 */
public final class PersonRegistrationService {
    private final StatsEvents stats;
    private static final Set<String> GENDERS = Set.of("MALE", "FEMALE");
    private final OrgRepository orgs;
    private final PersonCreation people;
    private final TitleSeriesCatalogue titles;
    private final ReviewService reviews;
    private final AuditLog audit;
    private final Clock clock;

    public PersonRegistrationService(OrgRepository orgs, AccountRepository accounts, PasswordHasher hasher,
                                     TitleSeriesCatalogue titles, ReviewService reviews, AuditLog audit, Clock clock) {
        this(orgs, accounts, hasher, titles, reviews, audit, clock, StatsEvents.NONE);
    }

    public PersonRegistrationService(OrgRepository orgs, AccountRepository accounts, PasswordHasher hasher,
                                     TitleSeriesCatalogue titles, ReviewService reviews, AuditLog audit, Clock clock,
                                     StatsEvents stats) {
        this.stats = stats;
        this.orgs = orgs;
        this.people = new PersonCreation(accounts, hasher, clock);
        this.titles = titles;
        this.reviews = reviews;
        this.audit = audit;
        this.clock = clock;
    }

    public RegistrationResult register(PersonRegistrationRequest req, AuditContext meta) {
        Instant now = clock.instant();
        Fields f = new Fields();
        String name = f.text("name", req.name(), 50);
        String unitId = f.text("unitOrgId", req.unitOrgId(), 64);
        f.require("titleSeries", req.titleSeries() != null && req.titleLevel() != null
                && titles.valid(req.titleSeries(), req.titleLevel()));
        f.require("gender", req.gender() == null || GENDERS.contains(req.gender()));
        String education = f.optionalText("education", req.education(), 20);
        String major = f.optionalText("major", req.major(), 50);
        f.require("idCard", req.idCard() != null && !req.idCard().isBlank());
        f.require("phone", req.phone() != null && !req.phone().isBlank());
        f.require("password", req.password() != null && !req.password().isEmpty());
        f.throwIfInvalid();

        String idCard = IdCard.normalize(req.idCard(), now.atZone(ZoneOffset.ofHours(8)).toLocalDate())
                .orElseThrow(() -> new Invalid(Reason.ID_CARD_INVALID, List.of("idCard")));
        if (req.gender() != null && !req.gender().equals(genderOf(idCard))) {
            throw Invalid.field("gender");
        }
        String phone = Phone.normalize(req.phone())
                .orElseThrow(() -> new Invalid(Reason.PHONE_INVALID, List.of("phone")));
        if (!PasswordPolicy.acceptable(req.password(), idCard, phone)) {
            throw new Invalid(Reason.WEAK_PASSWORD, List.of("password"));
        }
        Org unit = orgs.get(unitId).filter(Org::approved).filter(o -> o.type() != OrgType.HRSS)
                .orElseThrow(() -> Invalid.field("unitOrgId"));
        String decider = unit.type() == OrgType.DEPARTMENT ? unit.orgId() : unit.parentOrgId();

        PersonRegistration registration = new PersonRegistration(unit.orgId(), RegistrationStatus.PENDING,
                req.titleSeries(), req.titleLevel(), req.gender() == null ? genderOf(idCard) : req.gender(), education, major);
        String personId = people.create(new PersonCreation.NewPerson(idCard, name, phone, req.password(), registration, false))
                .orElseThrow(() -> new Conflict(Reason.PERSON_ALREADY_REGISTERED, List.of("idCard")))
                .personId();
        stats.personRegistered(unit.orgId(), req.titleSeries(), req.titleLevel());
        AuditContext actor = meta.asActor(personId, unit.orgId());
        audit.record(new AuditRecord(now, actor, "REGISTER_PERSON", "PERSON", personId, AuditRecord.SUCCESS));

        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("personId", personId);
        subject.put("name", name);
        subject.put("idCardMasked", IdCard.mask(idCard));
        subject.put("unitOrgId", unit.orgId());
        subject.put("unitName", unit.name());
        subject.put("titleSeries", req.titleSeries());
        subject.put("titleLevel", req.titleLevel());
        Map<String, Object> detail = new LinkedHashMap<>(subject);
        detail.put("phoneMasked", Phone.mask(phone));
        detail.put("gender", registration.gender());
        detail.put("education", education);
        detail.put("major", major);
        reviews.submit(new ReviewService.Submission(ReviewKind.PERSON_REGISTRATION, personId, subject, detail,
                name + " " + unit.name(), List.of(List.of(decider))), actor);
        return new RegistrationResult(null, personId, RegistrationStatus.PENDING.name());
    }

    /** The 17th digit of the ID number: odd for men. */
    private static String genderOf(String idCard) {
        return (idCard.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE";
    }
}
