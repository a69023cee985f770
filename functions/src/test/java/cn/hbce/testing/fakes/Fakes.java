package cn.hbce.testing.fakes;

import cn.hbce.account.AdminMembership;
import cn.hbce.account.LoginGuard;
import cn.hbce.account.Person;
import cn.hbce.account.PersonRegistration;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.auth.AccountService;
import cn.hbce.auth.Caller;
import cn.hbce.auth.LoginService;
import cn.hbce.account.PasswordHasher;
import cn.hbce.account.TestHashers;
import cn.hbce.auth.TokenCodec;
import cn.hbce.common.Ids;
import cn.hbce.org.Org;
import cn.hbce.org.OrgChangeEffects;
import cn.hbce.org.OrgService;
import cn.hbce.org.OrgStatus;
import cn.hbce.org.OrgType;
import cn.hbce.org.PermissionCatalogue;
import cn.hbce.org.admins.AdminService;
import cn.hbce.org.roles.Role;
import cn.hbce.org.subordinates.SubordinateService;
import cn.hbce.registration.OrgRegistrationEffect;
import cn.hbce.registration.OrgRegistrationService;
import cn.hbce.registration.PersonRegistrationEffect;
import cn.hbce.registration.PersonRegistrationService;
import cn.hbce.registration.TitleSeriesCatalogue;
import cn.hbce.review.ReviewEffect;
import cn.hbce.review.ReviewKind;
import cn.hbce.review.ReviewService;
import cn.hbce.review.Review;
import cn.hbce.testing.Actors;
import cn.hbce.testing.TestData;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * One in-memory world for a service test: a fake of every port over one {@link FakeTable}, a
 * {@link TestClock}, the approval workflow played in memory, and the services wired as
 * {@code AppContext} wires them. Seeding helpers write through the ports, as the application does.
 */
public final class Fakes {
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(2);
    private static final PermissionCatalogue PERMISSIONS = PermissionCatalogue.load();
    private static final TitleSeriesCatalogue TITLES = TitleSeriesCatalogue.load();
    private static final PasswordHasher HASHER = TestHashers.fast();

    public final TestClock clock = new TestClock();
    public final FakeTable table = new FakeTable(clock);
    public final InMemoryAccountRepository accounts = new InMemoryAccountRepository(table);
    public final InMemorySessionStore sessions = new InMemorySessionStore(table);
    public final InMemoryLoginSourceLimiter sources = new InMemoryLoginSourceLimiter(table);
    public final InMemoryOrgRepository orgs = new InMemoryOrgRepository(table);
    public final InMemoryAdminRepository admins = new InMemoryAdminRepository(table);
    public final InMemorySubordinateRepository subordinates = new InMemorySubordinateRepository(table);
    public final InMemoryRoleRepository roles = new InMemoryRoleRepository(table);
    public final InMemoryDepartmentRepository departments = new InMemoryDepartmentRepository(table);
    public final InMemoryReviewRepository reviews = new InMemoryReviewRepository(table);
    public final InMemoryPersonChangeRepository personChanges = new InMemoryPersonChangeRepository(table);
    public final InMemoryPlanRepository plans = new InMemoryPlanRepository(table);
    public final FakeAttachments attachments = new FakeAttachments();
    public final RecordingAuditLog audit = new RecordingAuditLog();
    public final FakeApprovalWorkflow workflow = new FakeApprovalWorkflow();
    public final PasswordHasher hasher = HASHER;
    public final TokenCodec tokens = new TokenCodec("fakes-token-secret-of-at-least-32-bytes".getBytes(StandardCharsets.UTF_8));
    public final Caller caller = new Caller(PERMISSIONS, roles);

    public final ReviewService reviewService;

    public Fakes() {
        reviewService = new ReviewService(reviews, workflow, reviewEffects(), audit, clock);
        workflow.attach(reviewService);
    }

    public Faults faults() {
        return table.faults();
    }

    /** The effects AppContext wires, over the fakes. */
    private Map<ReviewKind, ReviewEffect> reviewEffects() {
        Map<ReviewKind, ReviewEffect> all = new java.util.EnumMap<>(cn.hbce.AppContext.reviewEffects(orgs, accounts));
        all.putAll(cn.hbce.AppContext.changeAndPlanEffects(accounts, personChanges, plans,
                cn.hbce.review.ReviewDecisions.from(reviews), clock));
        return all;
    }

    // ---- services, wired as AppContext wires them ----

    public LoginService loginService() {
        return new LoginService(accounts, sources, orgs, sessions, hasher, tokens, caller, audit, clock, TOKEN_LIFETIME);
    }

    public AccountService accountService() {
        return new AccountService(accounts, (personId, orgId) -> new cn.hbce.auth.ProfileReader.PersonAndOrg(
                accounts.person(personId), orgId == null ? java.util.Optional.empty() : orgs.get(orgId)),
                sessions, hasher, audit, clock);
    }

    public OrgService orgService() {
        return new OrgService(orgs, () -> reviewService, audit, clock);
    }

    public AdminService adminService() {
        return new AdminService(admins, roles, accounts, orgs, hasher, audit, clock);
    }

    public SubordinateService subordinateService() {
        return new SubordinateService(orgs, subordinates, accounts, sessions, hasher, audit, clock);
    }

    public OrgRegistrationService orgRegistrationService() {
        return new OrgRegistrationService(orgs, accounts, hasher, reviewService, audit, clock);
    }

    public PersonRegistrationService personRegistrationService() {
        return new PersonRegistrationService(orgs, accounts, hasher, TITLES, reviewService, audit, clock);
    }

    public cn.hbce.change.PersonChangeService personChangeService() {
        return new cn.hbce.change.PersonChangeService(accounts, orgs, personChanges, TITLES, attachments, reviewService, clock);
    }

    public cn.hbce.plans.PlanService planService() {
        return new cn.hbce.plans.PlanService(orgs, plans, attachments, reviewService,
                cn.hbce.review.ReviewDecisions.from(reviews), clock);
    }

    // ---- seeding, through the ports ----

    /** The approved root (人社厅). */
    public Org root() {
        return org(OrgType.HRSS, "湖北省人力资源和社会保障厅", null, OrgStatus.APPROVED);
    }

    public Org department(String parentOrgId, String name) {
        return org(OrgType.DEPARTMENT, name, parentOrgId, OrgStatus.APPROVED);
    }

    public Org unit(String supervisorOrgId, String name) {
        return org(OrgType.UNIT, name, supervisorOrgId, OrgStatus.APPROVED);
    }

    public Org org(OrgType type, String name, String parentOrgId, OrgStatus status) {
        Org org = new Org(Ids.newId("o"), type, name, TestData.creditCode(), parentOrgId, status, "027-87654321", "420100",
                null, 1, clock.instant(), clock.instant());
        orgs.create(org);
        orgs.claimCreditCode(org.creditCode(), org.orgId());
        return org;
    }

    /** A person who is only an admin (no professional registration), with {@code password}. */
    public Person person(String name, String password) {
        return person(name, password, null);
    }

    /** A professional registered with {@code orgId} in {@code status}. */
    public Person professional(String name, String password, String orgId, RegistrationStatus status) {
        return person(name, password, new PersonRegistration(orgId, status, "高等学校教师", "中级"));
    }

    public Person person(String name, String password, PersonRegistration registration) {
        String personId = Ids.newId("p");
        String idCard = TestData.idCard();
        if (!accounts.claimIdCard(idCard, personId)) {
            throw new IllegalStateException("test ID number reused: " + idCard);
        }
        Person p = new Person(personId, idCard, name, TestData.phone(), hasher.hash(password), registration, false, false,
                LoginGuard.CLEAR, 1, clock.instant());
        accounts.createPerson(p);
        return p;
    }

    /** A seat of {@code person} in {@code org}, as registration writes it. */
    public AdminMembership seat(Org org, Person person, boolean superAdmin, String roleId) {
        AdminMembership seat = new AdminMembership(Ids.newId("a"), org.orgId(), org.type().name(), person.personId(),
                roleId, superAdmin, false);
        if (roleId != null && !roles.reserve(org.orgId(), roleId)) {
            throw new IllegalStateException("no role " + roleId);
        }
        accounts.createMembership(seat);
        return seat;
    }

    public AdminMembership superAdminOf(Org org) {
        return seat(org, person("超级管理员", TestData.PASSWORD), true, null);
    }

    public Role role(String orgId, String name, Set<String> permissions) {
        Role role = new Role(orgId, Ids.newId("r"), name, Set.copyOf(permissions), 0, 1, clock.instant(), clock.instant());
        roles.create(role);
        return role;
    }

    /** The newest review about {@code subjectId}. */
    public String reviewAbout(String subjectId) {
        List<Review> found = reviews.about(subjectId);
        if (found.isEmpty()) {
            throw new IllegalStateException("no review about " + subjectId);
        }
        return found.get(found.size() - 1).reviewId();
    }

    /** {@code decider} decides one review, as DecideReviewsFunction does; returns the outcome. */
    public ReviewService.Outcome decide(AdminMembership decider, String reviewId, boolean approve) {
        Actors.TestActor who = Actors.superAdmin(decider);
        return reviewService.decide(who.principal(), List.of(new ReviewService.Decision(reviewId, approve, approve ? null : "材料不全")),
                who.meta()).get(0).outcome();
    }

    public Person reload(Person p) {
        return accounts.person(p.personId()).orElseThrow();
    }

    public Org reload(Org o) {
        return orgs.get(o.orgId()).orElseThrow();
    }
}
