package cn.hbce;

import cn.hbce.account.AccountRepository;
import cn.hbce.account.DynamoAccountRepository;
import cn.hbce.account.DynamoLoginSourceLimiter;
import cn.hbce.account.DynamoSessionStore;
import cn.hbce.account.SessionStore;
import cn.hbce.auth.AccountService;
import cn.hbce.bootstrap.Bootstrap;
import cn.hbce.auth.Authorizer;
import cn.hbce.auth.Caller;
import cn.hbce.auth.DynamoSessionSnapshotLoader;
import cn.hbce.auth.LoginService;
import cn.hbce.account.PasswordHasher;
import cn.hbce.auth.TokenCodec;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.DynamoAuditLog;
import cn.hbce.common.aws.AwsClients;
import cn.hbce.common.config.AppConfig;
import cn.hbce.common.paging.CursorCodec;
import cn.hbce.org.CachedRoleRepository;
import cn.hbce.org.DynamoOrgRepository;
import cn.hbce.org.OrgRepository;
import cn.hbce.org.OrgChangeEffects;
import cn.hbce.org.OrgService;
import cn.hbce.org.PermissionCatalogue;
import cn.hbce.org.subordinates.DynamoSubordinateRepository;
import cn.hbce.org.subordinates.SubordinateService;
import cn.hbce.registration.OrgRegistrationEffect;
import cn.hbce.registration.OrgRegistrationService;
import cn.hbce.registration.PersonRegistrationEffect;
import cn.hbce.registration.PersonRegistrationService;
import cn.hbce.registration.TitleSeriesCatalogue;
import cn.hbce.review.DynamoReviewRepository;
import cn.hbce.review.ReviewEffect;
import cn.hbce.review.ReviewKind;
import cn.hbce.review.ReviewService;
import cn.hbce.review.SfnApprovalWorkflow;
import java.util.Map;
import software.amazon.awssdk.services.sfn.SfnClient;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the application's services once per container from the environment. Handlers take their
 * collaborators through constructors; their no-argument constructors (used by Lambda) ask this.
 */
public final class AppContext {
    private static volatile AppContext instance;

    public final AppConfig config;
    /** Seals every list's nextCursor (key derived from the token signing key). */
    public final CursorCodec cursors;
    public final Clock clock;
    public final PermissionCatalogue permissions;
    public final OrgRepository orgs;
    public final AccountRepository accounts;
    public final SessionStore sessions;
    public final AuditLog audit;
    public final PasswordHasher hasher;
    public final TokenCodec tokens;
    public final Caller caller;
    public final LoginService login;
    public final AccountService account;
    public final Authorizer authorizer;
    public final OrgService orgService;
    public final ReviewService reviews;
    public final OrgRegistrationService registrations;
    public final PersonRegistrationService personRegistrations;
    public final SubordinateService subordinates;
    public final Bootstrap bootstrap;
    public final cn.hbce.bootstrap.RootSeeder rootSeeder;
    // org administration (departments, roles, admins)
    public final cn.hbce.org.departments.DepartmentService departments;
    public final cn.hbce.org.roles.RoleService roles;
    public final cn.hbce.org.admins.AdminService admins;

    public AppContext(AppConfig config, DynamoDbClient dynamo, SfnClient sfn, Clock clock) {
        this.config = config;
        this.cursors = new CursorCodec(config::tokenSecret);
        this.clock = clock;
        String table = config.tableName();
        this.permissions = PermissionCatalogue.load();
        this.orgs = new DynamoOrgRepository(dynamo, table);
        this.accounts = new DynamoAccountRepository(dynamo, table);
        this.sessions = new DynamoSessionStore(dynamo, table);
        this.audit = new DynamoAuditLog(dynamo, config.auditTableName());
        this.hasher = new PasswordHasher();
        this.tokens = new TokenCodec(config.tokenSecretSource());
        var orgRoles = new cn.hbce.org.roles.DynamoOrgRoleRepository(dynamo, table, cursors);
        this.caller = new Caller(permissions, new CachedRoleRepository(orgRoles, clock, config.roleCacheTtl()));
        this.login = new LoginService(accounts, new DynamoLoginSourceLimiter(dynamo, table), orgs, sessions, hasher,
                tokens, caller, audit, clock, config.tokenLifetime());
        this.account = new AccountService(accounts, orgs, sessions, hasher, caller, audit, clock);
        this.authorizer = new Authorizer(tokens, new DynamoSessionSnapshotLoader(dynamo, table), sessions, caller, clock,
                config.adminIdleLimit());
        this.reviews = new ReviewService(new DynamoReviewRepository(dynamo, table, cursors),
                new SfnApprovalWorkflow(sfn, config.approvalStateMachineArn().orElse(null), config.decisionTimeoutSeconds()),
                reviewEffects(orgs, accounts), audit, clock);
        this.orgService = new OrgService(orgs, reviews, audit, clock);
        var subordinateSeats = new DynamoSubordinateRepository(dynamo, table, cursors);
        this.subordinates = new SubordinateService(orgs, subordinateSeats, accounts, sessions, hasher, audit, clock);
        this.registrations = new OrgRegistrationService(orgs, accounts, hasher, reviews, audit, clock);
        this.personRegistrations = new PersonRegistrationService(orgs, accounts, hasher, TitleSeriesCatalogue.load(),
                reviews, audit, clock);
        this.bootstrap = new Bootstrap(orgs, accounts, hasher, audit, clock);
        this.rootSeeder = new cn.hbce.bootstrap.RootSeeder(bootstrap, subordinateSeats);
        // org administration (departments, roles, admins)
        this.departments = new cn.hbce.org.departments.DepartmentService(
                new cn.hbce.org.departments.DynamoDepartmentRepository(dynamo, table, cursors), audit, clock);
        this.roles = new cn.hbce.org.roles.RoleService(orgRoles, permissions, audit, clock);
        this.admins = new cn.hbce.org.admins.AdminService(new cn.hbce.org.admins.DynamoAdminRepository(dynamo, table, cursors),
                orgRoles, accounts, orgs, hasher, audit, clock);
    }

    /** What the end of each kind of review does. */
    public static Map<ReviewKind, ReviewEffect> reviewEffects(OrgRepository orgs, AccountRepository accounts) {
        ReviewEffect orgRegistration = new OrgRegistrationEffect(orgs, accounts);
        return Map.of(
                ReviewKind.PERSON_REGISTRATION, new PersonRegistrationEffect(accounts),
                ReviewKind.DEPARTMENT_REGISTRATION, orgRegistration,
                ReviewKind.UNIT_REGISTRATION, orgRegistration,
                ReviewKind.BASE_REGISTRATION, orgRegistration,
                ReviewKind.ORG_CHANGE, OrgChangeEffects.infoChange(orgs),
                ReviewKind.SUPERIOR_CHANGE, OrgChangeEffects.superiorChange(orgs));
    }

    public static AppContext get() {
        if (instance == null) {
            synchronized (AppContext.class) {
                if (instance == null) {
                    instance = new AppContext(AppConfig.fromEnvironment(), AwsClients.dynamo(), AwsClients.sfn(), Clock.systemUTC());
                }
            }
        }
        return instance;
    }
}
