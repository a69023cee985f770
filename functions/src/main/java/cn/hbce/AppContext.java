package cn.hbce;

import cn.hbce.account.AccountRepository;
import cn.hbce.account.DynamoAccountRepository;
import cn.hbce.account.DynamoLoginSourceLimiter;
import cn.hbce.account.DynamoSessionStore;
import cn.hbce.account.SessionStore;
import cn.hbce.auth.AccountService;
import cn.hbce.auth.Authorizer;
import cn.hbce.auth.Caller;
import cn.hbce.auth.DynamoProfileReader;
import cn.hbce.auth.DynamoSessionSnapshotLoader;
import cn.hbce.auth.LoginService;
import cn.hbce.account.PasswordHasher;
import cn.hbce.auth.TokenCodec;
import cn.hbce.bootstrap.Bootstrap;
import cn.hbce.bootstrap.RootSeeder;
import cn.hbce.common.Lazy;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.DynamoAuditLog;
import cn.hbce.common.aws.AwsClients;
import cn.hbce.common.aws.LazyClient;
import cn.hbce.common.aws.SdkPriming;
import cn.hbce.common.config.AppConfig;
import cn.hbce.common.config.Env;
import cn.hbce.common.lambda.Priming;
import cn.hbce.common.paging.CursorCodec;
import cn.hbce.org.CachedRoleRepository;
import cn.hbce.org.DynamoOrgRepository;
import cn.hbce.org.OrgChangeEffects;
import cn.hbce.org.OrgRepository;
import cn.hbce.org.OrgService;
import cn.hbce.org.PermissionCatalogue;
import cn.hbce.org.admins.AdminService;
import cn.hbce.org.admins.DynamoAdminRepository;
import cn.hbce.org.departments.DepartmentService;
import cn.hbce.org.departments.DynamoDepartmentRepository;
import cn.hbce.org.roles.DynamoOrgRoleRepository;
import cn.hbce.org.roles.RoleService;
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
import cn.hbce.review.DynamoPersonWorkRegistry;
import cn.hbce.review.PersonWorkGuard;
import cn.hbce.persons.PersonQueryService;
import cn.hbce.persons.adapter.DynamoPersonDirectory;
import cn.hbce.transfer.StatisticsTransfer;
import cn.hbce.transfer.TransferService;
import cn.hbce.transfer.TransferSteps;
import cn.hbce.transfer.adapter.DynamoPersonMoves;
import cn.hbce.transfer.adapter.DynamoTransferRepository;
import cn.hbce.transfer.adapter.SfnTransferWorkflow;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The application's wiring, one per container. Every collaborator is built on first use and then
 * kept, so a function builds only what its handler asks for: {@code GetOrgFunction} gets the org
 * service and its repositories, never the login service, the title catalogue or the role cache.
 * The DynamoDB client is a {@link LazyClient stand-in} built on its first call, the Step
 * Functions client is asked for only when an execution is started or a decision sent (so a
 * function that does neither never builds one), and the token key
 * is read from Secrets Manager only when a token is signed or verified or a cursor sealed.
 * Handlers' no-argument constructors (used by Lambda) ask this; tests pass collaborators directly.
 */
public final class AppContext {
    private static volatile AppContext instance;

    private final AppConfig config;
    private final Clock clock;
    private final DynamoDbClient dynamo;
    private final Supplier<SfnClient> sfn;

    private final Lazy<CursorCodec> cursors;
    private final Lazy<PermissionCatalogue> permissions = Lazy.of(PermissionCatalogue::load);
    private final Lazy<OrgRepository> orgs;
    private final Lazy<AccountRepository> accounts;
    private final Lazy<SessionStore> sessions;
    private final Lazy<AuditLog> audit;
    private final Lazy<PasswordHasher> hasher = Lazy.of(PasswordHasher::new);
    private final Lazy<TokenCodec> tokens;
    private final Lazy<DynamoOrgRoleRepository> orgRoles;
    private final Lazy<Caller> caller;
    private final Lazy<LoginService> login;
    private final Lazy<AccountService> account;
    private final Lazy<Authorizer> authorizer;
    private final Lazy<ReviewService> reviews;
    private final Lazy<OrgService> orgService;
    private final Lazy<DynamoSubordinateRepository> subordinateSeats;
    private final Lazy<SubordinateService> subordinates;
    private final Lazy<OrgRegistrationService> registrations;
    private final Lazy<PersonRegistrationService> personRegistrations;
    private final Lazy<Bootstrap> bootstrap;
    private final Lazy<RootSeeder> rootSeeder;
    private final Lazy<DepartmentService> departments;
    private final Lazy<RoleService> roles;
    private final Lazy<AdminService> admins;
    private final Lazy<PersonWorkGuard> personWork;
    private final Lazy<TransferService> transfers;
    private final Lazy<TransferSteps> transferSteps;
    private final Lazy<PersonQueryService> personQuery;

    /**
     * {@code dynamo} may be a {@link LazyClient stand-in} (nothing here calls it while wiring);
     * {@code sfn} is asked for only when an execution is started or a decision sent.
     */
    public AppContext(AppConfig config, DynamoDbClient dynamo, Supplier<SfnClient> sfn, Clock clock) {
        this.config = config;
        this.dynamo = dynamo;
        this.sfn = sfn;
        this.clock = clock;
        String table = config.tableName();
        cursors = Lazy.of(() -> new CursorCodec(config::tokenSecret));
        orgs = Lazy.of(() -> new DynamoOrgRepository(dynamo, table));
        accounts = Lazy.of(() -> new DynamoAccountRepository(dynamo, table));
        sessions = Lazy.of(() -> new DynamoSessionStore(dynamo, table));
        audit = Lazy.of(() -> new DynamoAuditLog(dynamo, config.auditTableName()));
        tokens = Lazy.of(() -> new TokenCodec(config.tokenSecretSource()));
        orgRoles = Lazy.of(() -> new DynamoOrgRoleRepository(dynamo, table, cursors()));
        caller = Lazy.of(() -> new Caller(permissions(),
                new CachedRoleRepository(orgRoles.get(), clock, config.roleCacheTtl())));
        login = Lazy.of(() -> new LoginService(accounts(), new DynamoLoginSourceLimiter(dynamo, table), orgs(), sessions(),
                hasher(), tokens(), caller(), audit(), clock, config.tokenLifetime()));
        account = Lazy.of(() -> new AccountService(accounts(), new DynamoProfileReader(dynamo, table), sessions(), hasher(),
                audit(), clock));
        authorizer = Lazy.of(() -> new Authorizer(tokens(), new DynamoSessionSnapshotLoader(dynamo, table), sessions(),
                caller(), clock, config.adminIdleLimit()));
        personWork = Lazy.of(() -> new PersonWorkGuard(new DynamoPersonWorkRegistry(dynamo, table),
                new DynamoReviewRepository(dynamo, table, cursors()), clock));
        reviews = Lazy.of(() -> new ReviewService(new DynamoReviewRepository(dynamo, table, cursors()),
                new SfnApprovalWorkflow(sfn, config.approvalStateMachineArn().orElse(null), config.decisionTimeoutSeconds(),
                        config.transferStateMachineArn().map(java.util.Set::of).orElse(java.util.Set.of())),
                reviewEffects(orgs(), accounts()), audit(), clock, personWork.get()));
        transfers = Lazy.of(() -> new TransferService(new DynamoTransferRepository(dynamo, table, cursors()), transferWorkflow(),
                reviews(), personWork.get(), accounts(), orgs(), audit(), clock));
        transferSteps = Lazy.of(() -> new TransferSteps(new DynamoTransferRepository(dynamo, table, cursors()), transferWorkflow(),
                reviews(), personWork.get(), new DynamoPersonMoves(dynamo, table), StatisticsTransfer.NONE_YET, audit(), clock));
        personQuery = Lazy.of(() -> new PersonQueryService(new DynamoPersonDirectory(dynamo, table, cursors())));
        orgService = Lazy.of(() -> new OrgService(orgs(), reviews(), audit(), clock));
        subordinateSeats = Lazy.of(() -> new DynamoSubordinateRepository(dynamo, table, cursors()));
        subordinates = Lazy.of(() -> new SubordinateService(orgs(), subordinateSeats.get(), accounts(), sessions(),
                hasher(), audit(), clock));
        registrations = Lazy.of(() -> new OrgRegistrationService(orgs(), accounts(), hasher(), reviews(), audit(), clock));
        personRegistrations = Lazy.of(() -> new PersonRegistrationService(orgs(), accounts(), hasher(),
                TitleSeriesCatalogue.load(), reviews(), audit(), clock));
        bootstrap = Lazy.of(() -> new Bootstrap(orgs(), accounts(), hasher(), audit(), clock));
        rootSeeder = Lazy.of(() -> new RootSeeder(bootstrap(), subordinateSeats.get()));
        departments = Lazy.of(() -> new DepartmentService(new DynamoDepartmentRepository(dynamo, table, cursors()),
                audit(), clock));
        roles = Lazy.of(() -> new RoleService(orgRoles.get(), permissions(), audit(), clock));
        admins = Lazy.of(() -> new AdminService(new DynamoAdminRepository(dynamo, table, cursors()), orgRoles.get(),
                accounts(), orgs(), hasher(), audit(), clock));
    }

    private SfnTransferWorkflow transferWorkflow() {
        return new SfnTransferWorkflow(sfn, config.transferStateMachineArn().orElse(null), config.decisionTimeoutSeconds());
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

    /**
     * The container's wiring, created on the first call from the environment. The first call also
     * registers the SnapStart priming of the SDK clients and the token codec.
     */
    public static AppContext get() {
        AppContext app = instance;
        if (app == null) {
            synchronized (AppContext.class) {
                app = instance;
                if (app == null) {
                    app = new AppContext(AppConfig.fromEnvironment(),
                            LazyClient.dynamo(AwsClients::dynamo),
                            AwsClients::sfn, Clock.systemUTC());
                    AppContext wired = app;
                    Priming.register("app", () -> prime(wired));
                    instance = app;
                }
            }
        }
        return app;
    }

    /**
     * SnapStart priming of what nearly every function uses: the DynamoDB client (built, a request
     * marshalled and signed, none sent), the token codec's classes (with a throwaway key), the Secrets
     * Manager client where the function has a token secret (built, the read marshalled, never sent),
     * and the Step Functions client where it starts executions. No data is read and the token
     * secret stays unread, so nothing of either is frozen into the snapshot.
     */
    static void prime(AppContext app) {
        SdkPriming.dynamoGetItem(app.dynamo, app.config.tableName());
        TokenCodec.prime();
        Env.optional("TOKEN_SECRET_ARN").ifPresent(arn -> SdkPriming.secretRead(AwsClients.secretsManager(), arn));
        if (app.config.approvalStateMachineArn().isPresent() || app.config.transferStateMachineArn().isPresent()) {
            app.sfn.get();
        }
    }

    public AppConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    /** The DynamoDB client the wiring uses (a stand-in until its first call). */
    public DynamoDbClient dynamo() {
        return dynamo;
    }

    /** The Step Functions client the wiring uses (built on this first call). */
    public SfnClient sfn() {
        return sfn.get();
    }

    /** Seals every list's nextCursor (key derived from the token signing key on first use). */
    public CursorCodec cursors() {
        return cursors.get();
    }

    public PermissionCatalogue permissions() {
        return permissions.get();
    }

    public OrgRepository orgs() {
        return orgs.get();
    }

    public AccountRepository accounts() {
        return accounts.get();
    }

    public SessionStore sessions() {
        return sessions.get();
    }

    public AuditLog audit() {
        return audit.get();
    }

    public PasswordHasher hasher() {
        return hasher.get();
    }

    public TokenCodec tokens() {
        return tokens.get();
    }

    public Caller caller() {
        return caller.get();
    }

    public LoginService login() {
        return login.get();
    }

    public AccountService account() {
        return account.get();
    }

    public Authorizer authorizer() {
        return authorizer.get();
    }

    public ReviewService reviews() {
        return reviews.get();
    }

    public OrgService orgService() {
        return orgService.get();
    }

    public SubordinateService subordinates() {
        return subordinates.get();
    }

    public OrgRegistrationService registrations() {
        return registrations.get();
    }

    public PersonRegistrationService personRegistrations() {
        return personRegistrations.get();
    }

    public Bootstrap bootstrap() {
        return bootstrap.get();
    }

    public RootSeeder rootSeeder() {
        return rootSeeder.get();
    }

    public DepartmentService departments() {
        return departments.get();
    }

    public RoleService roles() {
        return roles.get();
    }

    public AdminService admins() {
        return admins.get();
    }

    public TransferService transfers() {
        return transfers.get();
    }

    /** The transfer workflow's tasks (CheckTransferWork, ApplyTransfer, FinishTransfer). */
    public TransferSteps transferSteps() {
        return transferSteps.get();
    }

    public PersonQueryService personQuery() {
        return personQuery.get();
    }

    /** Test hook: which collaborators have been built (by name), to prove a function builds only what it uses. */
    Map<String, Boolean> built() {
        return Map.ofEntries(
                Map.entry("permissions", permissions.isPresent()), Map.entry("login", login.isPresent()),
                Map.entry("account", account.isPresent()), Map.entry("authorizer", authorizer.isPresent()),
                Map.entry("reviews", reviews.isPresent()), Map.entry("orgService", orgService.isPresent()),
                Map.entry("subordinates", subordinates.isPresent()), Map.entry("registrations", registrations.isPresent()),
                Map.entry("personRegistrations", personRegistrations.isPresent()), Map.entry("bootstrap", bootstrap.isPresent()),
                Map.entry("departments", departments.isPresent()), Map.entry("roles", roles.isPresent()),
                Map.entry("admins", admins.isPresent()), Map.entry("tokens", tokens.isPresent()),
                Map.entry("caller", caller.isPresent()));
    }
}
