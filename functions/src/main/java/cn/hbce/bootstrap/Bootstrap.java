package cn.hbce.bootstrap;

import cn.hbce.account.AccountRepository;
import cn.hbce.account.AdminMembership;
import cn.hbce.account.PersonCreation;
import cn.hbce.account.PersonRegistration;
import cn.hbce.account.PasswordHasher;
import cn.hbce.account.PasswordPolicy;
import cn.hbce.common.Ids;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.validation.IdCard;
import cn.hbce.common.validation.Phone;
import cn.hbce.org.Org;
import cn.hbce.org.OrgRepository;
import cn.hbce.org.OrgStatus;
import cn.hbce.org.OrgType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Creates orgs and accounts that exist before anyone can register: the HRSS root and its super
 * admin on a fresh deployment, and the demo tree of a local run. Every step is idempotent.
 */
public final class Bootstrap {
    public static final String ROOT_ORG_ID = "o_hubei_hrss";
    public static final String ROOT_ORG_NAME = "湖北省人力资源和社会保障厅";
    private final OrgRepository orgs;
    private final AccountRepository accounts;
    private final PersonCreation people;
    private final AuditLog audit;
    private final Clock clock;

    public Bootstrap(OrgRepository orgs, AccountRepository accounts, PasswordHasher hasher, AuditLog audit, Clock clock) {
        this(orgs, accounts, new PersonCreation(accounts, hasher, clock), audit, clock);
    }

    private Bootstrap(OrgRepository orgs, AccountRepository accounts, PersonCreation people, AuditLog audit, Clock clock) {
        this.orgs = orgs;
        this.accounts = accounts;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * For demo and test data only: accounts given the same password share one hash (and salt),
     * which saves a slow hash per account. Never for real accounts.
     */
    public Bootstrap sharingHashesForDemoData() {
        return new Bootstrap(orgs, accounts, people.sharingHashesForDemoData(), audit, clock);
    }

    public record Account(String idCard, String name, String phone, String password) {
    }

    /** An approved org with a super admin; returns the org id (the existing one when already there). */
    public String ensureOrg(String orgId, OrgType type, String name, String creditCode, String parentOrgId,
                            String contactPhone, Account superAdmin) {
        return ensureOrg(orgId, type, name, creditCode, parentOrgId, contactPhone, superAdmin, false);
    }

    private String ensureOrg(String orgId, OrgType type, String name, String creditCode, String parentOrgId,
                             String contactPhone, Account superAdmin, boolean temporaryPassword) {
        Instant now = clock.instant();
        if (orgs.get(orgId).isEmpty()) {
            if (creditCode != null && !orgs.claimCreditCode(creditCode, orgId)) {
                throw new IllegalStateException("Credit code of " + orgId + " belongs to another org");
            }
            orgs.create(new Org(orgId, type, name, creditCode, parentOrgId, OrgStatus.APPROVED, contactPhone, null,
                    null, 1, now, now));
            audit.record(new AuditRecord(now, system(), "BOOTSTRAP_ORG", "ORG", orgId, AuditRecord.SUCCESS));
        }
        String personId = ensurePerson(superAdmin, null, temporaryPassword);
        boolean seated = accounts.membershipsOf(personId).stream().anyMatch(m -> m.orgId().equals(orgId));
        if (!seated) {
            accounts.createMembership(new AdminMembership(Ids.newId("a"), orgId, type.name(), personId, null, true, false));
            audit.record(new AuditRecord(now, system(), "BOOTSTRAP_ADMIN", "ORG", orgId, AuditRecord.SUCCESS));
        }
        return orgId;
    }

    /** A person (optionally an approved professional of {@code registration}'s org); returns the person id. */
    public String ensurePerson(Account a, PersonRegistration registration) {
        return ensurePerson(a, registration, false);
    }

    private String ensurePerson(Account a, PersonRegistration registration, boolean temporaryPassword) {
        Instant now = clock.instant();
        String idCard = IdCard.normalize(a.idCard(), now.atZone(ZoneOffset.ofHours(8)).toLocalDate())
                .orElseThrow(() -> new IllegalArgumentException("Invalid ID number for " + a.name()));
        String phone = Phone.normalize(a.phone()).orElseThrow(() -> new IllegalArgumentException("Invalid phone for " + a.name()));
        if (!PasswordPolicy.acceptable(a.password(), idCard, phone)) {
            throw new IllegalArgumentException("The password for " + a.name() + " does not meet the password policy");
        }
        Optional<String> existing = accounts.personIdForIdCard(idCard);
        if (existing.isPresent() && accounts.person(existing.get()).isPresent()) {
            return existing.get();
        }
        PersonCreation.NewPerson person = new PersonCreation.NewPerson(idCard, a.name(), phone, a.password(), registration,
                temporaryPassword);
        String personId;
        if (existing.isPresent()) {
            // An earlier run claimed the number and stopped before the person: finish it.
            personId = existing.get();
            people.createUnderHeldClaim(personId, person);
        } else {
            Optional<PersonCreation.Created> created = people.create(person);
            if (created.isEmpty()) {
                return accounts.personIdForIdCard(idCard).orElseThrow();
            }
            personId = created.get().personId();
        }
        audit.record(new AuditRecord(now, system(), "BOOTSTRAP_PERSON", "PERSON", personId, AuditRecord.SUCCESS));
        return personId;
    }

    /**
     * The HRSS root and its super admin. {@code temporaryPassword}: the password was handed over by
     * whoever deployed (SeedRootFunction on AWS), so the admin must change it at first login; the
     * local devserver's root, whose password its own user chose, is not.
     */
    public String ensureRoot(Account superAdmin, boolean temporaryPassword) {
        return ensureOrg(ROOT_ORG_ID, OrgType.HRSS, ROOT_ORG_NAME, null, null, "027-87654321", superAdmin,
                temporaryPassword);
    }

    private static AuditContext system() {
        return AuditContext.system("bootstrap");
    }
}
