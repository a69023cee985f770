package cn.hbce.registration;

import cn.hbce.account.AccountRepository;
import cn.hbce.account.AdminMembership;
import cn.hbce.account.PersonCreation;
import cn.hbce.account.PasswordHasher;
import cn.hbce.account.PasswordPolicy;
import cn.hbce.common.Ids;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.domain.Conflict;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.domain.Reason;
import cn.hbce.common.validation.CreditCode;
import cn.hbce.common.validation.Fields;
import cn.hbce.common.validation.IdCard;
import cn.hbce.common.validation.Phone;
import cn.hbce.org.Org;
import cn.hbce.org.OrgFields;
import cn.hbce.org.OrgRepository;
import cn.hbce.org.OrgStatus;
import cn.hbce.org.OrgType;
import cn.hbce.review.ReviewKind;
import cn.hbce.review.ReviewService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 注册 of departments, units and bases: the org and its first admin (its super admin, who may log in
 * at once), reviewed by the chosen superior. Uniqueness of the credit code and of the admin's ID
 * number is held by single-item claims taken first; they are given back if a later step fails.
 */
public final class OrgRegistrationService {
    private static final int PERSON_NAME_MAX = 50;
    private final OrgRepository orgs;
    private final AccountRepository accounts;
    private final PersonCreation people;
    private final ReviewService reviews;
    private final AuditLog audit;
    private final Clock clock;

    public OrgRegistrationService(OrgRepository orgs, AccountRepository accounts, PasswordHasher hasher,
                                  ReviewService reviews, AuditLog audit, Clock clock) {
        this.orgs = orgs;
        this.accounts = accounts;
        this.people = new PersonCreation(accounts, hasher, clock);
        this.reviews = reviews;
        this.audit = audit;
        this.clock = clock;
    }

    public RegistrationResult registerDepartment(DepartmentRegistration req, AuditContext meta) {
        return register(OrgType.DEPARTMENT, req.creditCode(), req.name(), req.parentOrgId(), "parentOrgId",
                req.regionCode(), req.contactPhone(), req.admin(), meta);
    }

    public RegistrationResult registerSupervised(OrgType type, SupervisedOrgRegistration req, AuditContext meta) {
        return register(type, req.creditCode(), req.name(), req.supervisorOrgId(), "supervisorOrgId",
                req.regionCode(), req.contactPhone(), req.admin(), meta);
    }

    private RegistrationResult register(OrgType type, String rawCreditCode, String rawName, String rawParent,
                                        String parentField, String rawRegion, String rawContact,
                                        DepartmentRegistration.AdminApplicant admin, AuditContext meta) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(ZoneOffset.ofHours(8)).toLocalDate();
        Fields f = new Fields();
        String name = OrgFields.name(f, rawName);
        String contactPhone = OrgFields.contactPhone(f, rawContact);
        String region = OrgFields.regionCode(f, rawRegion);
        String parentId = f.text(parentField, rawParent, 64);
        f.require("admin", admin != null);
        String adminName = admin == null ? null : f.text("admin.name", admin.name(), PERSON_NAME_MAX);
        f.require("creditCode", rawCreditCode != null && !rawCreditCode.isBlank());
        if (admin != null) {
            f.require("admin.idCard", admin.idCard() != null && !admin.idCard().isBlank());
            f.require("admin.phone", admin.phone() != null && !admin.phone().isBlank());
            f.require("admin.password", admin.password() != null && !admin.password().isEmpty());
        }
        f.throwIfInvalid();

        String creditCode = CreditCode.normalize(rawCreditCode)
                .orElseThrow(() -> new Invalid(Reason.CREDIT_CODE_INVALID, List.of("creditCode")));
        String idCard = IdCard.normalize(admin.idCard(), today)
                .orElseThrow(() -> new Invalid(Reason.ID_CARD_INVALID, List.of("admin.idCard")));
        String phone = Phone.normalize(admin.phone())
                .orElseThrow(() -> new Invalid(Reason.PHONE_INVALID, List.of("admin.phone")));
        if (!PasswordPolicy.acceptable(admin.password(), idCard, phone)) {
            throw new Invalid(Reason.WEAK_PASSWORD, List.of("admin.password"));
        }
        Org parent = orgs.get(parentId).filter(Org::approved).filter(o -> acceptsChild(o.type(), type))
                .orElseThrow(() -> Invalid.field(parentField));

        String orgId = Ids.newId("o");
        if (!orgs.claimCreditCode(creditCode, orgId)) {
            throw new Conflict(Reason.CREDIT_CODE_ALREADY_REGISTERED, List.of("creditCode"));
        }
        PersonCreation.Created firstAdmin = null;
        try {
            // The applicant chose this password: no change is forced at first login.
            firstAdmin = people.create(new PersonCreation.NewPerson(idCard, adminName, phone, admin.password(), null, false))
                    .orElseThrow(() -> new Conflict(Reason.ORG_ADMIN_ALREADY_REGISTERED, List.of("admin.idCard")));
            orgs.create(new Org(orgId, type, name, creditCode, parent.orgId(), OrgStatus.PENDING,
                    contactPhone, region, null, 1, now, now));
            accounts.createMembership(new AdminMembership(Ids.newId("a"), orgId, type.name(), firstAdmin.personId(),
                    null, true, false));
        } catch (RuntimeException failure) {
            if (firstAdmin != null) {
                firstAdmin.undo().run();
            }
            orgs.releaseCreditCode(creditCode, orgId);
            throw failure;
        }
        String personId = firstAdmin.personId();
        AuditContext actor = meta.asActor(personId, orgId);
        audit.record(new AuditRecord(now, actor, "REGISTER_" + type.name(), "ORG", orgId, AuditRecord.SUCCESS));

        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("orgId", orgId);
        subject.put("name", name);
        subject.put("type", type.name());
        subject.put("creditCode", creditCode);
        subject.put("adminName", adminName);
        subject.put("adminPhoneMasked", Phone.mask(phone));
        Map<String, Object> detail = new LinkedHashMap<>(subject);
        detail.put("parentOrgId", parent.orgId());
        detail.put("parentName", parent.name());
        detail.put("regionCode", region);
        detail.put("contactPhone", contactPhone);
        detail.put("adminIdCardMasked", IdCard.mask(idCard));
        detail.put("adminPersonId", personId);
        reviews.submit(new ReviewService.Submission(kindOf(type), orgId, subject, detail, name + " " + creditCode,
                List.of(List.of(parent.orgId()))), actor);
        return new RegistrationResult(orgId, null, OrgStatus.PENDING.name());
    }

    /** Departments sit under HRSS or a department; units and bases under a department. */
    private static boolean acceptsChild(OrgType parent, OrgType child) {
        return child == OrgType.DEPARTMENT ? parent.canSupervise() : parent == OrgType.DEPARTMENT;
    }

    private static ReviewKind kindOf(OrgType type) {
        return switch (type) {
            case DEPARTMENT -> ReviewKind.DEPARTMENT_REGISTRATION;
            case UNIT -> ReviewKind.UNIT_REGISTRATION;
            case BASE -> ReviewKind.BASE_REGISTRATION;
            case HRSS -> throw new IllegalArgumentException("HRSS is not registered");
        };
    }
}
