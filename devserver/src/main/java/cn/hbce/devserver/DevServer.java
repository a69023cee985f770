package cn.hbce.devserver;

import cn.hbce.AppContext;
import cn.hbce.common.aws.AwsClients;
import cn.hbce.common.config.Env;
import cn.hbce.devserver.gateway.FunctionHost;
import cn.hbce.devserver.gateway.HttpGateway;
import cn.hbce.devserver.gateway.RouteTable;
import cn.hbce.devserver.seed.DemoData;
import cn.hbce.devserver.template.Intrinsics;
import cn.hbce.devserver.template.LambdaJavaRuntime;
import cn.hbce.devserver.template.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole application on this machine: local AWS services, the template's tables and buckets,
 * seeded data, and the HTTP API serving the template's routes with its handlers in this JVM, each
 * function in an environment of its own and held to its template policies by the IAM gates in
 * front of the services. The devserver's own clients (AppContext, AwsClients of this class loader)
 * are configured once per JVM, so one DevServer runs per JVM.
 */
public final class DevServer implements AutoCloseable {
    /** The template's secret holding the token signing key. */
    static final String TOKEN_SECRET_ID = "TokenSigningSecret";
    /** The secret access key every function signs with locally (its key id is its logical id): tests presign with it. */
    public static final String FUNCTION_SECRET_KEY = FunctionEnvironments.FUNCTION_SECRET_KEY;
    private final SamTemplate template;
    private final LocalServices services;
    private final LocalIam iam;
    private final FunctionHost functions;
    private final HttpGateway gateway;
    private final List<DemoData.DemoAccount> demoAccounts;
    private final String runtime;

    private DevServer(SamTemplate template, LocalServices services, LocalIam iam, FunctionHost functions, HttpGateway gateway,
                      List<DemoData.DemoAccount> demoAccounts, String runtime) {
        this.runtime = runtime;
        this.iam = iam;
        this.template = template;
        this.services = services;
        this.functions = functions;
        this.gateway = gateway;
        this.demoAccounts = demoAccounts;
    }

    public static DevServer start(DevServerConfig config) {
        SamTemplate template = SamTemplate.load(config.projectRoot().resolve(config.templateFile()));
        String runtime = supportedRuntime(template, LocalDate.now(ZoneOffset.UTC));
        FunctionHost functions = new FunctionHost(template.functions());
        InProcessLambdas lambdas = new InProcessLambdas(functions);
        LocalServices services = LocalServices.start(config, lambdas, Clock.systemUTC());
        LocalIam iam = null;
        try {
            Map<String, String> secretArns = createSecrets(template, services, config);
            Intrinsics intrinsics = intrinsics(template, services, secretArns);
            Map<String, String> secretArnsByName = new LinkedHashMap<>();
            secretArns.forEach((id, arn) -> secretArnsByName.put(secretName(id), arn));
            iam = LocalIam.start(template, intrinsics, services, secretArnsByName);
            List<cn.hbce.devserver.iam.Identities.Principal> machineRoles = new java.util.ArrayList<>();
            for (SamTemplate.StateMachineDef machine : template.stateMachines()) {
                machineRoles.add(new cn.hbce.devserver.iam.Identities.Principal(machine.name(intrinsics),
                        machine.logicalId() + "Role", LocalIam.stateMachinePolicies(machine, intrinsics)));
            }
            lambdas.checkAgainst(machineRoles);
            functions.configure(FunctionEnvironments.of(template, intrinsics, iam.endpoints()));
            // The devserver's own clients (provisioning, seeding, the tests' fixtures) use the admin identity,
            // which no policy restricts, straight at the services: their ports are the configured ones, so
            // these clients (built once per JVM) stay valid when a devserver restarts on the same ports.
            Env.supply(FunctionEnvironments.admin(template, intrinsics, new FunctionEnvironments.Endpoints(
                    services.dynamoEndpoint(), services.s3Endpoint(), services.sfnEndpoint(), services.secretsManagerEndpoint())));
            Provisioner.createTables(template, AwsClients.dynamo());
            Provisioner.createBuckets(template, AwsClients.s3());
            StateMachines.deployAll(template, intrinsics, services.sfn);
            List<DemoData.DemoAccount> demo = List.of();
            if (config.seed()) {
                AppContext app = AppContext.get();
                // Whoever starts the devserver chose this password: it is not a temporary one.
                app.bootstrap().ensureRoot(new cn.hbce.bootstrap.Bootstrap.Account(config.rootAdminIdCard(), "省人社厅管理员",
                        "13900000000", config.rootAdminPassword()), false);
                demo = config.demoData() ? DemoData.seed(app.bootstrap().sharingHashesForDemoData()) : List.of();
            }
            String authorizerFunction = template.defaultAuthorizer()
                    .map(a -> functions.logicalIdOf(intrinsics.string(a.functionRef())))
                    .orElse(null);
            List<String> origins = template.corsOrigins().stream().map(intrinsics::string).toList();
            HttpGateway gateway = new HttpGateway(config.port(), new RouteTable(template.routes()), functions,
                    template.defaultAuthorizer(), authorizerFunction, origins);
            iam.s3.answeringCors(LocalBucketCors.of(template, intrinsics, gateway.port()));
            if (Boolean.parseBoolean(DevServerConfig.setting("HBCE_TRUST_FORWARDED_FOR", "false"))) {
                gateway.trustForwardedFor();
            }
            cn.hbce.devserver.gateway.ConsoleFiles.at(config.projectRoot().resolve("console/dist")).ifPresent(gateway::serveConsole);
            DevServer server = new DevServer(template, services, iam, functions, gateway, demo, runtime);
            gateway.addLocalRoute("schedules", (name, body) -> server.fireScheduleForRoute(name));
            gateway.start();
            return server;
        } catch (RuntimeException | IOException e) {
            if (iam != null) {
                iam.close();
            }
            services.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + gateway.port());
    }

    public Map<String, URI> serviceEndpoints() {
        Map<String, URI> out = new LinkedHashMap<>();
        out.put("DynamoDB", iam.dynamo.endpoint());
        out.put("S3", iam.s3.endpoint());
        out.put("StepFunctions", iam.sfn.endpoint());
        out.put("SecretsManager", iam.secrets.endpoint());
        return out;
    }

    /** The local services themselves, behind no IAM gate: only for measuring what the gates cost. */
    public Map<String, URI> unguardedEndpoints() {
        Map<String, URI> out = new LinkedHashMap<>();
        out.put("DynamoDB", services.dynamoEndpoint());
        out.put("S3", services.s3Endpoint());
        out.put("StepFunctions", services.sfnEndpoint());
        out.put("SecretsManager", services.secretsManagerEndpoint());
        return out;
    }

    /** The template's Lambda runtime, e.g. {@code java25}. */
    public String runtime() {
        return runtime;
    }

    /**
     * The one runtime of the template's functions, refusing a deprecated or unknown one: a local run
     * must not succeed with a template that AWS would refuse to deploy.
     */
    public static String supportedRuntime(SamTemplate template, LocalDate today) {
        java.util.Set<String> ids = new java.util.TreeSet<>(template.runtimes().values());
        ids.forEach(id -> LambdaJavaRuntime.requireSupported(id, today));
        return String.join(", ", ids);
    }

    public List<DemoData.DemoAccount> demoAccounts() {
        return demoAccounts;
    }

    public List<SamTemplate.Route> routes() {
        return template.routes();
    }

    /** Runs a scheduled function now with the event EventBridge would send; returns its JSON answer. */
    public String fireSchedule(String functionId) throws Exception {
        return new Schedules(template, functions).fire(functionId);
    }

    private HttpGateway.LocalResponse fireScheduleForRoute(String name) {
        try {
            return new HttpGateway.LocalResponse(200, fireSchedule(name));
        } catch (IllegalArgumentException e) {
            return new HttpGateway.LocalResponse(404, "{\"message\":\"No schedule named " + name.replace("\"", "") + "\"}");
        } catch (Exception e) {
            return new HttpGateway.LocalResponse(500, "{\"message\":\"Scheduled function failed\"}");
        }
    }

    /** The functions as the gateway hosts them (each in its own environment). */
    public FunctionHost functions() {
        return functions;
    }

    /** AWS's messages of the latest requests the local IAM check refused, of every service. */
    public List<String> accessDenials() {
        List<String> out = new java.util.ArrayList<>();
        for (var gate : List.of(iam.dynamo, iam.s3, iam.sfn, iam.secrets)) {
            out.addAll(gate.recentDenials());
        }
        return out;
    }

    /** The gateway (e.g. to shorten its integration timeout in a test). */
    public HttpGateway gateway() {
        return gateway;
    }

    @Override
    public void close() {
        gateway.close();
        iam.close();
        services.close();
    }

    /**
     * Creates the template's secrets on the local Secrets Manager; answers logical id → ARN. The
     * token signing key is HBCE_TOKEN_SECRET, or random (kept in the data directory); others are random.
     */
    private static Map<String, String> createSecrets(SamTemplate template, LocalServices services, DevServerConfig config) {
        Map<String, String> arns = new LinkedHashMap<>();
        for (String id : template.resourcesOfType("AWS::SecretsManager::Secret")) {
            String value = id.equals(TOKEN_SECRET_ID) ? tokenSecret(config) : HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
            arns.put(id, services.createSecret(secretName(id), value));
        }
        return arns;
    }

    private static String secretName(String logicalId) {
        return "hbce-" + logicalId.toLowerCase(java.util.Locale.ROOT);
    }

    static Intrinsics intrinsics(SamTemplate template, LocalServices services, Map<String, String> secretArns) {
        Map<String, String> refs = new LinkedHashMap<>();
        refs.put("AWS::Region", LocalServices.REGION);
        refs.put("AWS::AccountId", "000000000000");
        refs.put("AWS::Partition", "aws");
        refs.put("AWS::URLSuffix", "amazonaws.com");
        refs.put("AWS::StackName", "hbce-local");
        template.parameters().forEach((name, p) -> {
            Object def = ((Map<?, ?>) p).get("Default");
            refs.put(name, DevServerConfig.setting("HBCE_PARAM_" + name, def == null ? "" : String.valueOf(def)));
        });
        template.resourcesOfType("AWS::DynamoDB::Table").forEach(id -> {
            refs.put(id, Provisioner.tableName(id));
            refs.put(id + ".Arn", "arn:aws:dynamodb:" + LocalServices.REGION + ":000000000000:table/" + Provisioner.tableName(id));
        });
        template.resourcesOfType("AWS::S3::Bucket").forEach(id -> {
            refs.put(id, Provisioner.bucketName(id));
            refs.put(id + ".Arn", "arn:aws:s3:::" + Provisioner.bucketName(id));
        });
        // The console's distribution is this devserver itself locally (it serves console/dist): a
        // name that resolves nowhere stands for its domain in the CORS origins.
        template.resourcesOfType("AWS::CloudFront::Distribution").forEach(id -> {
            refs.put(id, "LOCAL" + id.toUpperCase(java.util.Locale.ROOT));
            refs.put(id + ".DomainName", id.toLowerCase(java.util.Locale.ROOT) + ".cloudfront.invalid");
        });
        template.resourcesOfType("AWS::SecretsManager::Secret").forEach(id -> refs.put(id, secretArns.get(id)));
        template.resourcesOfType("AWS::Logs::LogGroup").forEach(id -> refs.put(id, "/hbce/local/" + id));
        template.resourcesOfType("AWS::Serverless::Function").forEach(id -> {
            String arn = "arn:aws:lambda:" + LocalServices.REGION + ":000000000000:function:" + id;
            refs.put(id, id);
            refs.put(id + ".Alias", arn + ":live");
            refs.put(id + ".Arn", arn);
        });
        // Names may be built from the parameters and pseudo parameters above (e.g. ${AWS::StackName}-approval).
        Intrinsics intrinsics = new Intrinsics(refs::get, template.conditions());
        template.stateMachines().forEach(sm -> {
            String name = sm.name(intrinsics);
            String arn = services.sfn.stateMachineArn(name);
            refs.put(sm.logicalId(), arn);
            refs.put(sm.logicalId() + ".Arn", arn);
            refs.put(sm.logicalId() + ".Name", name);
        });
        return intrinsics;
    }

    /** A random key per run, or one kept in the data directory so tokens survive a restart. */
    private static String tokenSecret(DevServerConfig config) {
        Optional<String> fixed = Optional.ofNullable(DevServerConfig.setting("HBCE_TOKEN_SECRET", null));
        if (fixed.isPresent()) {
            return fixed.get();
        }
        String fresh = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
        if (config.dataDir().isEmpty()) {
            return fresh;
        }
        Path file = config.dataDir().get().resolve("token-secret");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, fresh, StandardCharsets.UTF_8);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
