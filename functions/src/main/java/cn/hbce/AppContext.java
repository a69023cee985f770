package cn.hbce;

import cn.hbce.account.AccountRepository;
import cn.hbce.account.adapter.DynamoAccountRepository;
import cn.hbce.account.adapter.DynamoLoginSourceLimiter;
import cn.hbce.account.adapter.DynamoSessionStore;
import cn.hbce.account.SessionStore;
import cn.hbce.auth.AccountService;
import cn.hbce.auth.Authorizer;
import cn.hbce.auth.Caller;
import cn.hbce.auth.adapter.DynamoProfileReader;
import cn.hbce.auth.adapter.DynamoSessionSnapshotLoader;
import cn.hbce.auth.LoginService;
import cn.hbce.account.PasswordHasher;
import cn.hbce.auth.TokenCodec;
import cn.hbce.bootstrap.Bootstrap;
import cn.hbce.bootstrap.RootSeeder;
import cn.hbce.certificates.AccountHolders;
import cn.hbce.certificates.CertificateIssuer;
import cn.hbce.certificates.CertificateService;
import cn.hbce.certificates.OrgPaths;
import cn.hbce.certificates.adapter.DynamoCertificateRelisting;
import cn.hbce.certificates.adapter.DynamoCertificateRepository;
import cn.hbce.certificates.adapter.S3PdfStore;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.adapter.DynamoAuditLog;
import cn.hbce.common.aws.AwsClients;
import cn.hbce.common.aws.LazyClient;
import cn.hbce.common.aws.SdkPriming;
import cn.hbce.common.config.AppConfig;
import cn.hbce.common.config.Env;
import cn.hbce.common.lambda.Priming;
import cn.hbce.common.paging.CursorCodec;
import cn.hbce.hours.CeRulesService;
import cn.hbce.hours.CeRulesReader;
import cn.hbce.hours.CertificateLookup;
import cn.hbce.hours.ClaimService;
import cn.hbce.hours.DeclarationService;
import cn.hbce.hours.EvidenceAttacher;
import cn.hbce.hours.HoursChangeListener;
import cn.hbce.hours.HoursClaimEffect;
import cn.hbce.hours.HoursDeclarationEffect;
import cn.hbce.hours.HoursDeskService;
import cn.hbce.hours.HoursLedger;
import cn.hbce.hours.RecordLedger;
import cn.hbce.hours.adapter.DynamoCeRulesRepository;
import cn.hbce.hours.adapter.DynamoDeclarationRepository;
import cn.hbce.hours.adapter.DynamoDepartmentTree;
import cn.hbce.hours.adapter.DynamoHoursRepository;
import cn.hbce.hours.adapter.DynamoHoursRelisting;
import cn.hbce.hours.adapter.DynamoRegistrants;
import cn.hbce.files.AttachmentVisibility;
import cn.hbce.files.FileAttachments;
import cn.hbce.files.FileRepository;
import cn.hbce.files.FileService;
import cn.hbce.files.ObjectStore;
import cn.hbce.files.adapter.DynamoFileRepository;
import cn.hbce.files.adapter.S3ObjectStore;
import cn.hbce.materials.MaterialService;
import cn.hbce.materials.adapter.DynamoMaterialRepository;
import cn.hbce.org.CachedRoleRepository;
import cn.hbce.org.adapter.DynamoOrgRepository;
import cn.hbce.org.OrgChangeEffects;
import cn.hbce.org.OrgRepository;
import cn.hbce.org.OrgService;
import cn.hbce.org.PermissionCatalogue;
import cn.hbce.org.admins.AdminService;
import cn.hbce.org.admins.adapter.DynamoAdminRepository;
import cn.hbce.org.departments.DepartmentService;
import cn.hbce.org.departments.adapter.DynamoDepartmentRepository;
import cn.hbce.org.roles.adapter.DynamoOrgRoleRepository;
import cn.hbce.org.roles.RoleService;
import cn.hbce.org.subordinates.adapter.DynamoSubordinateRepository;
import cn.hbce.org.subordinates.SubordinateService;
import cn.hbce.registration.OrgRegistrationEffect;
import cn.hbce.registration.OrgRegistrationService;
import cn.hbce.registration.PersonRegistrationEffect;
import cn.hbce.registration.PersonRegistrationService;
import cn.hbce.registration.TitleSeriesCatalogue;
import cn.hbce.review.adapter.DynamoReviewRepository;
import cn.hbce.review.ReviewEffect;
import cn.hbce.review.ReviewKind;
import cn.hbce.review.ReviewService;
import cn.hbce.review.adapter.SfnApprovalWorkflow;
import cn.hbce.counters.StatsEvents;
import cn.hbce.change.PersonChangeEffect;
import cn.hbce.change.PersonChangeRepository;
import cn.hbce.change.PersonChangeService;
import cn.hbce.change.adapter.DynamoPersonChangeRepository;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.files.AttachedFile;
import cn.hbce.common.files.Attachments;
import cn.hbce.plans.ApprovedCourses;
import cn.hbce.plans.PlanRepository;
import cn.hbce.plans.PlanReviewEffect;
import cn.hbce.plans.PlanService;
import cn.hbce.plans.adapter.DynamoPlanRepository;
import cn.hbce.review.ReviewDecisions;
import cn.hbce.review.adapter.DynamoPersonWorkRegistry;
import cn.hbce.review.PersonWorkGuard;
import cn.hbce.persons.PersonQueryService;
import cn.hbce.persons.adapter.DynamoPersonDirectory;
import cn.hbce.persons.PersonCertificates;
import cn.hbce.persons.PersonYearHours;
import cn.hbce.persons.PersonYearSummaryListener;
import cn.hbce.persons.adapter.DynamoPersonYearHours;
import cn.hbce.exports.HoursExport;
import cn.hbce.exports.PersonsExport;
import cn.hbce.stats.ExportService;
import cn.hbce.stats.adapter.S3ExportFiles;
import cn.hbce.common.paging.PageRequest;
import java.util.Optional;
import cn.hbce.transfer.StatisticsTransfer;
import cn.hbce.stats.Members;
import cn.hbce.stats.PersonYearCounter;
import cn.hbce.stats.StatisticsMover;
import cn.hbce.stats.adapter.DynamoContributions;
import cn.hbce.transfer.TransferService;
import cn.hbce.transfer.TransferSteps;
import cn.hbce.transfer.adapter.DynamoPersonMoves;
import cn.hbce.transfer.adapter.DynamoRecordMoves;
import cn.hbce.transfer.adapter.DynamoTransferRepository;
import cn.hbce.transfer.adapter.SfnTransferWorkflow;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
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
    /**
     * Every collaborator built so far, by accessor name. Each accessor builds its collaborator on
     * its first call ({@link #once}): a function pays only for what it touches, and no supplier is
     * even linked before it is needed (fifty lambdas linked up front cost a cold start ~50 ms).
     */
    private final Map<String, Object> built = new HashMap<>();
    private final String table;

    /**
     * {@code dynamo} may be a {@link LazyClient stand-in} (nothing here calls it while wiring);
     * {@code sfn} is asked for only when an execution is started or a decision sent.
     */
    public AppContext(AppConfig config, DynamoDbClient dynamo, Supplier<SfnClient> sfn, Clock clock) {
        this.config = config;
        this.dynamo = dynamo;
        this.sfn = sfn;
        this.clock = clock;
        this.table = config.tableName();
    }

    /** The files port of person changes and training plans, over the files feature's attachments. */
    private Attachments attachments() {
        return new Attachments() {
            @Override
            public List<AttachedFile> attach(Actor caller, List<String> fileIds, String ownerKind, String ownerId,
                                             AuditContext meta) {
                return fileAttachments().attach(caller, fileIds, ownerKind, ownerId, meta).stream()
                        .map(f -> new AttachedFile(f.fileId(), f.fileName(), f.contentType(), f.size())).toList();
            }

            @Override
            public void release(List<String> fileIds, String ownerKind, String ownerId) {
                fileAttachments().release(fileIds, ownerKind, ownerId);
            }
        };
    }

    /** The effects of every review kind: the ones above plus person changes and training plans. */
    private Map<ReviewKind, ReviewEffect> withChangeAndPlanEffects(Map<ReviewKind, ReviewEffect> others) {
        Map<ReviewKind, ReviewEffect> all = new java.util.EnumMap<>(others);
        all.putAll(changeAndPlanEffects(accounts(), personChangeRepository(), planRepository(),
                reviewDecisions(), clock, stats().live()));
        return all;
    }

    /** What the end of a PERSON_CHANGE and of each training plan kind does. */
    public static Map<ReviewKind, ReviewEffect> changeAndPlanEffects(AccountRepository accounts, PersonChangeRepository changes,
                                                                     PlanRepository plans, ReviewDecisions decisions, Clock clock) {
        return changeAndPlanEffects(accounts, changes, plans, decisions, clock, cn.hbce.counters.StatsEvents.NONE);
    }

    /** The same, with approved title changes counted by the statistics. */
    public static Map<ReviewKind, ReviewEffect> changeAndPlanEffects(AccountRepository accounts, PersonChangeRepository changes,
                                                                     PlanRepository plans, ReviewDecisions decisions, Clock clock,
                                                                     cn.hbce.counters.StatsEvents stats) {
        ReviewEffect plan = new PlanReviewEffect(plans, decisions, clock);
        return Map.of(
                ReviewKind.PERSON_CHANGE, new PersonChangeEffect(accounts, changes, decisions, clock, stats),
                ReviewKind.ANNUAL_PLAN, plan,
                ReviewKind.PLAN_DECLARATION, plan,
                ReviewKind.ANNUAL_SUMMARY, plan);
    }

    /**
     * Who may download a file attached to a thing of each owner kind (see {@link AttachmentVisibility}).
     * A feature that attaches files adds its kind here, one line each; a kind missing here is never
     * downloadable. The lambdas build a feature's wiring only when such a download is asked for.
     */
    Map<String, AttachmentVisibility> attachmentVisibilities() {
        return Map.ofEntries(
                Map.entry(MaterialService.OWNER_KIND, (actor, ownerId) -> materials().canSee(actor, ownerId)),
                Map.entry(ClaimService.EVIDENCE_OWNER, (actor, ownerId) -> hoursDesk().canSee(actor, ownerId)),
                Map.entry(PersonChangeService.OWNER_KIND, (actor, ownerId) -> personChanges().canSee(actor, ownerId)),
                Map.entry(PlanService.OWNER_KIND, (actor, ownerId) -> plans().canSee(actor, ownerId)));
    }

    private SfnTransferWorkflow transferWorkflow() {
        return new SfnTransferWorkflow(sfn, config.transferStateMachineArn().orElse(null), config.decisionTimeoutSeconds());
    }

    /** What the end of each kind of review does. */
    public static Map<ReviewKind, ReviewEffect> reviewEffects(OrgRepository orgs, AccountRepository accounts) {
        return reviewEffects(orgs, accounts, StatsEvents.NONE);
    }

    /** As above, telling the statistics counters about decided registrations. */
    public static Map<ReviewKind, ReviewEffect> reviewEffects(OrgRepository orgs, AccountRepository accounts, StatsEvents stats) {
        ReviewEffect orgRegistration = new OrgRegistrationEffect(orgs, accounts);
        return Map.of(
                ReviewKind.PERSON_REGISTRATION, new PersonRegistrationEffect(accounts, stats),
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
        return once("cursors", () -> new CursorCodec(config::tokenSecret));
    }

    public PermissionCatalogue permissions() {
        return once("permissions", PermissionCatalogue::load);
    }

    public OrgRepository orgs() {
        return once("orgs", () -> new DynamoOrgRepository(dynamo, table));
    }

    public AccountRepository accounts() {
        return once("accounts", () -> new DynamoAccountRepository(dynamo, table));
    }

    public SessionStore sessions() {
        return once("sessions", () -> new DynamoSessionStore(dynamo, table));
    }

    public AuditLog audit() {
        return once("audit", () -> new DynamoAuditLog(dynamo, config.auditTableName()));
    }

    public PasswordHasher hasher() {
        return once("hasher", PasswordHasher::new);
    }

    public TokenCodec tokens() {
        return once("tokens", () -> new TokenCodec(config.tokenSecretSource()));
    }

    public Caller caller() {
        return once("caller", () -> new Caller(permissions(),
                new CachedRoleRepository(orgRoles(), clock, config.roleCacheTtl())));
    }

    public LoginService login() {
        return once("login", () -> new LoginService(accounts(), new DynamoLoginSourceLimiter(dynamo, table), orgs(), sessions(),
                hasher(), tokens(), caller(), audit(), clock, config.tokenLifetime()));
    }

    public AccountService account() {
        return once("account", () -> new AccountService(accounts(), new DynamoProfileReader(dynamo, table), sessions(), hasher(),
                audit(), clock));
    }

    public Authorizer authorizer() {
        return once("authorizer", () -> new Authorizer(tokens(), new DynamoSessionSnapshotLoader(dynamo, table), sessions(),
                caller(), clock, config.adminIdleLimit()));
    }

    /** Statistics: live counters, the figures routes, the job and exports. */
    public StatsModule stats() {
        return once("stats", () -> new StatsModule(dynamo, table, config.bucketName(), orgs(), audit(), sfn, clock,
                this::ceRulesReader));
    }

    public ReviewService reviews() {
        return once("reviews", () -> new ReviewService(new DynamoReviewRepository(dynamo, table, cursors(), stats().live()),
                new SfnApprovalWorkflow(sfn, config.approvalStateMachineArn().orElse(null), config.decisionTimeoutSeconds(),
                        config.transferStateMachineArn().map(java.util.Set::of).orElse(java.util.Set.of())),
                withChangeAndPlanEffects(withHoursEffects(reviewEffects(orgs(), accounts(), stats().live()))), audit(), clock,
                personWork()));
    }

    public OrgService orgService() {
        return once("orgService", () -> new OrgService(orgs(), this::reviews, audit(), clock));
    }

    public SubordinateService subordinates() {
        return once("subordinates", () -> new SubordinateService(orgs(), subordinateSeats(), accounts(), sessions(),
                hasher(), audit(), clock));
    }

    public OrgRegistrationService registrations() {
        return once("registrations", () -> new OrgRegistrationService(orgs(), accounts(), hasher(), reviews(), audit(), clock));
    }

    public PersonRegistrationService personRegistrations() {
        return once("personRegistrations", () -> new PersonRegistrationService(orgs(), accounts(), hasher(),
                TitleSeriesCatalogue.load(), reviews(), audit(), clock, stats().live()));
    }

    public Bootstrap bootstrap() {
        return once("bootstrap", () -> new Bootstrap(orgs(), accounts(), hasher(), audit(), clock));
    }

    public RootSeeder rootSeeder() {
        return once("rootSeeder", () -> new RootSeeder(bootstrap(), subordinateSeats()));
    }

    public DepartmentService departments() {
        return once("departments", () -> new DepartmentService(new DynamoDepartmentRepository(dynamo, table, cursors()),
                audit(), clock));
    }

    public RoleService roles() {
        return once("roles", () -> new RoleService(orgRoles(), permissions(), audit(), clock));
    }

    public AdminService admins() {
        return once("admins", () -> new AdminService(new DynamoAdminRepository(dynamo, table, cursors()), orgRoles(),
                accounts(), orgs(), hasher(), audit(), clock));
    }

    /** The review effects of every other feature plus the ends of HOURS_CLAIM and HOURS_DECLARATION. */
    public Map<ReviewKind, ReviewEffect> withHoursEffects(Map<ReviewKind, ReviewEffect> others) {
        Map<ReviewKind, ReviewEffect> all = new HashMap<>(others);
        all.put(ReviewKind.HOURS_CLAIM, new HoursClaimEffect(hoursRecords(), hoursChangeListener(), audit(), clock,
                stats().live()));
        all.put(ReviewKind.HOURS_DECLARATION, new HoursDeclarationEffect(hoursDeclarationStore(), hoursRecords(),
                hoursChangeListener(), audit(), clock));
        return all;
    }

    public CeRulesService ceRules() {
        return once("ceRules", () -> new CeRulesService(new DynamoCeRulesRepository(dynamo, table), audit(), clock));
    }

    /** The yearly rules' requirement, for certificates. */
    public cn.hbce.hours.CeRulesReader ceRulesReader() {
        return ceRules();
    }

    /** Approved hours of a person and year, read consistently, for certificates. */
    public HoursLedger hoursLedger() {
        return new RecordLedger(hoursRecords());
    }

    public ClaimService hoursClaims() {
        return once("hoursClaims", () -> new ClaimService(hoursRecords(), new DynamoRegistrants(dynamo, table), ceRules(),
                reviews(), evidenceAttacher(), certificateLookup(), audit(), clock, stats().live()));
    }

    public DeclarationService hoursDeclarations() {
        return once("hoursDeclarations", () -> new DeclarationService(orgs(), new DynamoRegistrants(dynamo, table),
                hoursRecords(), hoursDeclarationStore(), ceRules(), reviews(), audit(), clock));
    }

    public HoursDeskService hoursDesk() {
        return once("hoursDesk", () -> new HoursDeskService(hoursRecords(), orgs(), accounts(), new DynamoDepartmentTree(dynamo, table),
                new DynamoReviewRepository(dynamo, table, cursors()), hoursChangeListener(),
                fileIds -> fileRecords().getAll(fileIds).stream().map(f -> new HoursDeskService.EvidenceFile(f.fileId(),
                        f.fileName(), f.contentType(), f.size())).toList(), audit(), clock));
    }

    /** Attaches a claim's evidence files to its record (owner kind HOURS_RECORD). */
    public EvidenceAttacher evidenceAttacher() {
        return (actor, fileIds, recordId, meta) -> fileAttachments().attach(actor, fileIds, ClaimService.EVIDENCE_OWNER, recordId, meta);
    }

    /**
     * Told whenever a person's approved hours of a year change (an approved claim or declaration, a
     * deleted record): the person's yearly summary (the person query's hours and met), then the
     * certificate issuer, which issues, revokes or re-validates the year's certificate, then the
     * statistics' recount of the person's year (which reads that certificate).
     */
    public HoursChangeListener hoursChangeListener() {
        HoursChangeListener yearSummaries = personYearSummaries();
        HoursChangeListener certificates = certificateIssuer(hoursLedger(), ceRulesReader());
        HoursChangeListener statistics = personYearCounter();
        return (personId, year, meta) -> {
            yearSummaries.approvedHoursChanged(personId, year, meta);
            certificates.approvedHoursChanged(personId, year, meta);
            statistics.approvedHoursChanged(personId, year, meta);
        };
    }

    /** The certificate (valid or revoked) a person holds for a year, for the annual status. */
    public CertificateLookup certificateLookup() {
        return (personId, year) -> certificateRepository().find(personId, year)
                .filter(c -> c.visible()).map(c -> c.certificateId());
    }

    /** 电子证书: the lists, the PDF and the public verification. */
    public CertificateService certificates() {
        return once("certificates", () -> new CertificateService(certificateRepository(),
                new AccountHolders(accounts(), orgs()), new OrgPaths(orgs()),
                new S3PdfStore(AwsClients::s3, AwsClients::presigner, config.bucketName()), audit(), clock,
                Env.optional("VERIFY_URL_BASE").orElse("http://localhost:5173/verify/")));
    }

    /**
     * The issuer of certificates over the given hours and rules (what {@link #hoursChangeListener()}
     * answers). The issuer named on certificates is the root org (HRSS).
     */
    public CertificateIssuer certificateIssuer(HoursLedger ledger, CeRulesReader rules) {
        return new CertificateIssuer(ledger, rules, new AccountHolders(accounts(), orgs()), certificateRepository(),
                audit(), clock, Env.optional("CERTIFICATE_ISSUER").orElse(Bootstrap.ROOT_ORG_NAME));
    }

    public PersonChangeService personChanges() {
        return once("personChanges", () -> new PersonChangeService(accounts(), orgs(), personChangeRepository(),
                TitleSeriesCatalogue.load(), attachments(), reviews(), clock));
    }

    public PlanService plans() {
        return once("plans", () -> new PlanService(orgs(), planRepository(), attachments(), reviews(),
                reviewDecisions(), clock));
    }

    /** For the hours feature: approved plan declarations' courses, by planId (see {@link ApprovedCourses}). */
    public ApprovedCourses approvedCourses() {
        return ApprovedCourses.over(planRepository());
    }

    public FileService files() {
        return once("files", () -> new FileService(fileRecords(), objects(), attachmentVisibilities(), audit(), clock));
    }

    /** How every feature attaches uploaded files to what it writes (see {@link FileAttachments}). */
    public FileAttachments fileAttachments() {
        return once("fileAttachments", () -> new FileAttachments(fileRecords(), objects(), audit(), clock));
    }

    public MaterialService materials() {
        return once("materials", () -> new MaterialService(new DynamoMaterialRepository(dynamo, table, cursors()), orgs(),
                fileAttachments(), audit(), clock));
    }

    public TransferService transfers() {
        return once("transfers", () -> new TransferService(new DynamoTransferRepository(dynamo, table, cursors()), transferWorkflow(),
                reviews(), personWork(), accounts(), orgs(), audit(), clock));
    }

    /** The transfer workflow's tasks (CheckTransferWork, ApplyTransfer, FinishTransfer). */
    public TransferSteps transferSteps() {
        return once("transferSteps", () -> new TransferSteps(new DynamoTransferRepository(dynamo, table, cursors()), transferWorkflow(),
                reviews(), personWork(), new DynamoPersonMoves(dynamo, table), statisticsTransfer(), transferRecordMoves(),
                TransferSteps.RECORD_BATCH, audit(), clock));
    }

    /** The MoveRecords steps: the person's hours records and certificates listed at the new org. */
    private DynamoRecordMoves transferRecordMoves() {
        return new DynamoRecordMoves(new DynamoHoursRelisting(dynamo, table), new DynamoCertificateRelisting(dynamo, table),
                new OrgPaths(orgs()));
    }

    // Person query, yearly hours summaries and exports (专技人员信息查询, 学时审验, 导出数据).

    public PersonQueryService personQuery() {
        return once("personQuery", () -> new PersonQueryService(new DynamoPersonDirectory(dynamo, table, cursors(), personYearHours()),
                personYearHours(), ceRulesReader(), personId -> certificateRepository().ofPerson(personId, new PageRequest(100,
                        Optional.empty())).items().stream().filter(c -> c.visible()).map(c -> new PersonCertificates.Held(
                        c.certificateId(), c.certificateNo(), c.year(), c.status().name(), c.totalHours(), c.issuedAt())).toList()));
    }

    /** The per-person yearly summary of approved hours (read by the person query, kept by its listener). */
    public PersonYearHours personYearHours() {
        return once("personYearHours", () -> new DynamoPersonYearHours(dynamo, table, clock));
    }

    /** Keeps the yearly summaries in step with approved hours: one of the {@link #hoursChangeListener()}s. */
    public HoursChangeListener personYearSummaries() {
        return new PersonYearSummaryListener(hoursLedger(), personYearHours());
    }

    /** POST /v1/exports: the statistics tables plus PERSONS and HOURS, streamed from their queries. */
    public ExportService exports() {
        return once("exports", () -> new ExportService(stats().service(), Map.of(
                "PERSONS", new PersonsExport(personQuery()),
                "HOURS", new HoursExport(hoursDesk())),
                new S3ExportFiles(AwsClients::s3, AwsClients::presigner, config.bucketName()), audit(), clock));
    }

    // Statistics of persons' years and of transfers (issue 15).

    /** Counts each person-year's approved hours, compliance and certificate into the year counters. */
    public PersonYearCounter personYearCounter() {
        return once("personYearCounter", () -> new PersonYearCounter(new DynamoContributions(dynamo, table), hoursRecords(),
                ceRulesReader(), (personId, year) -> certificateRepository().find(personId, year).map(c -> c.status().name()),
                statsMembers(), stats().live(), clock));
    }

    /** The transfer's MoveStatistics step: the person's figures leave the old subtree for the new one. */
    public StatisticsTransfer statisticsTransfer() {
        return once("statisticsTransfer", () -> new StatisticsMover(new DynamoContributions(dynamo, table), statsMembers(),
                stats().live(), personYearCounter(), clock));
    }

    /** Approved professionals, at the org they belong to now (a consistent read of the profile). */
    private Members statsMembers() {
        return personId -> accounts().person(personId).map(cn.hbce.account.Person::registration)
                .filter(r -> r.status() == cn.hbce.account.RegistrationStatus.APPROVED)
                .map(r -> new Members.Member(r.orgId(), r.titleSeries(), r.titleLevel()));
    }

    // Repositories shared by several services above.

    private DynamoCertificateRepository certificateRepository() {
        return once("certificateRepository", () -> new DynamoCertificateRepository(dynamo, table, cursors()));
    }

    private DynamoOrgRoleRepository orgRoles() {
        return once("orgRoles", () -> new DynamoOrgRoleRepository(dynamo, table, cursors()));
    }

    private PersonWorkGuard personWork() {
        return once("personWork", () -> new PersonWorkGuard(new DynamoPersonWorkRegistry(dynamo, table),
                new DynamoReviewRepository(dynamo, table, cursors(), stats().live()), clock));
    }

    private DynamoSubordinateRepository subordinateSeats() {
        return once("subordinateSeats", () -> new DynamoSubordinateRepository(dynamo, table, cursors()));
    }

    private DynamoHoursRepository hoursRecords() {
        return once("hoursRecords", () -> new DynamoHoursRepository(dynamo, table, cursors()));
    }

    private DynamoDeclarationRepository hoursDeclarationStore() {
        return once("hoursDeclarationStore", () -> new DynamoDeclarationRepository(dynamo, table));
    }

    private ReviewDecisions reviewDecisions() {
        return once("reviewDecisions", () -> ReviewDecisions.from(new DynamoReviewRepository(dynamo, table, cursors())));
    }

    private PersonChangeRepository personChangeRepository() {
        return once("personChangeRepository", () -> new DynamoPersonChangeRepository(dynamo, table, cursors()));
    }

    private PlanRepository planRepository() {
        return once("planRepository", () -> new DynamoPlanRepository(dynamo, table, cursors()));
    }

    private FileRepository fileRecords() {
        return once("fileRecords", () -> new DynamoFileRepository(dynamo, table));
    }

    private ObjectStore objects() {
        return once("objects", () -> new S3ObjectStore(AwsClients::s3, AwsClients::presigner, config.bucketName()));
    }

    /** The collaborator called {@code name}, built by {@code make} on the first call; a failure is not kept. */
    @SuppressWarnings("unchecked")
    private synchronized <T> T once(String name, Supplier<? extends T> make) {
        Object value = built.get(name);
        if (value == null) {
            value = make.get();
            built.put(name, value);
        }
        return (T) value;
    }

    /** Test hook: which collaborators have been built (by name), to prove a function builds only what it uses. */
    Map<String, Boolean> built() {
        Map<String, Boolean> answer = new java.util.LinkedHashMap<>();
        for (String name : List.of("permissions", "login", "account", "authorizer", "reviews", "orgService", "subordinates",
                "registrations", "personRegistrations", "bootstrap", "departments", "roles", "admins", "tokens", "caller")) {
            answer.put(name, isBuilt(name));
        }
        return answer;
    }

    private synchronized boolean isBuilt(String name) {
        return built.containsKey(name);
    }
}
