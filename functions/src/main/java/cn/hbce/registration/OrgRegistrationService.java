package cn.hbce.registration;

import cn.hbce.account.AccountRepository;
import cn.hbce.account.AdminMembership;
import cn.hbce.account.LoginGuard;
import cn.hbce.account.Person;
import cn.hbce.auth.PasswordHasher;
import cn.hbce.auth.PasswordPolicy;
import cn.hbce.common.Ids;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.http.ApiError;
import cn.hbce.common.http.ErrorCode;
import cn.hbce.common.http.RequestMeta;
import cn.hbce.common.validation.CreditCode;
import cn.hbce.common.validation.Fields;
import cn.hbce.common.validation.IdCard;
import cn.hbce.common.validation.Phone;
import cn.hbce.org.Org;
import cn.hbce.org.OrgFields;
import cn.hbce.org.OrgRepository;
import cn.hbce.org.OrgStatus;
import cn.hbce.org.OrgType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * 注册: an org registers under a reviewing superior, with its first admin. Uniqueness of the
 * credit code and of the admin's ID number is held by single-item claims taken first; the rest
 * is written after them, and the claims are given back if a later step fails.
 */
public final class OrgRegistrationService {
    private static final int PERSON_NAME_MAX = 50;
    private final OrgRepository orgs;
    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    public OrgRegistrationService(OrgRepository orgs, AccountRepository accounts, PasswordHasher hasher, AuditLog audit,
                                  Clock clock) {
        this.orgs = orgs;
        this.accounts = accounts;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    public RegistrationResult registerDepartment(DepartmentRegistration req, RequestMeta meta) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(ZoneOffset.ofHours(8)).toLocalDate();
        Fields f = new Fields();
        String name = OrgFields.name(f, req.name());
        String contactPhone = OrgFields.contactPhone(f, req.contactPhone());
        String region = OrgFields.regionCode(f, req.regionCode());
        String parentId = f.text("parentOrgId", req.parentOrgId(), 64);
        var admin = req.admin();
        f.require("admin", admin != null);
        String adminName = admin == null ? null : f.text("admin.name", admin.name(), PERSON_NAME_MAX);
        f.require("creditCode", req.creditCode() != null && !req.creditCode().isBlank());
        if (admin != null) {
            f.require("admin.idCard", admin.idCard() != null && !admin.idCard().isBlank());
            f.require("admin.phone", admin.phone() != null && !admin.phone().isBlank());
            f.require("admin.password", admin.password() != null && !admin.password().isEmpty());
        }
        f.throwIfInvalid();

        String creditCode = CreditCode.normalize(req.creditCode())
                .orElseThrow(() -> new ApiError(ErrorCode.CREDIT_CODE_INVALID, ErrorCode.CREDIT_CODE_INVALID.message(), List.of("creditCode")));
        String idCard = IdCard.normalize(admin.idCard(), today)
                .orElseThrow(() -> new ApiError(ErrorCode.ID_CARD_INVALID, ErrorCode.ID_CARD_INVALID.message(), List.of("admin.idCard")));
        String phone = Phone.normalize(admin.phone())
                .orElseThrow(() -> new ApiError(ErrorCode.PHONE_INVALID, ErrorCode.PHONE_INVALID.message(), List.of("admin.phone")));
        if (!PasswordPolicy.acceptable(admin.password(), idCard, phone)) {
            throw new ApiError(ErrorCode.WEAK_PASSWORD, ErrorCode.WEAK_PASSWORD.message(), List.of("admin.password"));
        }
        Org parent = orgs.get(parentId).filter(Org::approved).filter(o -> o.type().canSupervise())
                .orElseThrow(() -> ApiError.invalid(List.of("parentOrgId")));

        String orgId = Ids.newId("o");
        String personId = Ids.newId("p");
        if (!orgs.claimCreditCode(creditCode, orgId)) {
            throw new ApiError(ErrorCode.ALREADY_REGISTERED, "该统一社会信用代码已注册", List.of("creditCode"));
        }
        if (!accounts.claimIdCard(idCard, personId)) {
            orgs.releaseCreditCode(creditCode, orgId);
            throw new ApiError(ErrorCode.ALREADY_REGISTERED, "该身份证号码已注册，请使用已有账号", List.of("admin.idCard"));
        }
        try {
            accounts.createPerson(new Person(personId, idCard, adminName, phone, hasher.hash(admin.password()), null,
                    false, false, LoginGuard.CLEAR, 1, now));
            orgs.create(new Org(orgId, OrgType.DEPARTMENT, name, creditCode, parent.orgId(), OrgStatus.PENDING,
                    contactPhone, region, null, 1, now, now));
            accounts.createMembership(new AdminMembership(Ids.newId("a"), orgId, OrgType.DEPARTMENT.name(), personId,
                    null, true, false));
        } catch (RuntimeException failure) {
            accounts.releaseIdCard(idCard, personId);
            orgs.releaseCreditCode(creditCode, orgId);
            throw failure;
        }
        audit.record(new AuditRecord(now, meta.asActor(personId, orgId), "REGISTER_DEPARTMENT", "ORG", orgId, AuditRecord.SUCCESS));
        return new RegistrationResult(orgId, null, OrgStatus.PENDING.name());
    }
}
