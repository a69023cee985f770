package cn.hbce.devserver.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.hbce.devserver.DevServerConfig;
import cn.hbce.devserver.StateMachines;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What the first {@code sam deploy} and the life of the stack after it depend on, read from
 * template.yaml and the state machine definitions (issue 10): a runtime AWS still accepts, versions
 * that follow every change and do not pile up, Lambda tasks that survive SnapStart restores and
 * transient Lambda errors, data that is kept without blocking a failed first create, a bucket that
 * cleans up after itself, and logs that are written and kept.
 */
@SuppressWarnings("unchecked")
class DeployabilityTest {
    private static final Path ROOT = DevServerConfig.ephemeral().projectRoot();
    private static final SamTemplate TEMPLATE = SamTemplate.load(ROOT.resolve("template.yaml"));
    private static final Map<String, Object> RAW = CfnYaml.load(ROOT.resolve("template.yaml"));
    private static final Map<String, Object> RESOURCES = (Map<String, Object>) RAW.get("Resources");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Transient Lambda invoke errors every Lambda task must retry (Step Functions best practice plus SnapStart). */
    static final List<String> TRANSIENT_LAMBDA_ERRORS = List.of("Lambda.SnapStartNotReadyException",
            "Lambda.ClientExecutionTimeoutException", "Lambda.ServiceException", "Lambda.AWSLambdaException",
            "Lambda.SdkClientException", "Lambda.TooManyRequestsException");

    /** A version re-optimising after 14 idle days answers SnapStartNotReady for minutes, not seconds. */
    private static final int SNAPSTART_RESTORE_SECONDS = 300;

    @Test
    void everyFunctionRunsOnTheBuildsJavaOnARuntimeLambdaStillAccepts() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, String> runtimes = TEMPLATE.runtimes();
        assertFalse(runtimes.isEmpty());
        runtimes.forEach((function, id) -> {
            LambdaJavaRuntime runtime = LambdaJavaRuntime.requireSupported(id, today);
            assertFalse(runtime.deprecatedAt(today.plusMonths(12)), function + ": " + id + " is deprecated within a year");
            assertEquals(Runtime.version().feature(), runtime.javaVersion(),
                    function + ": the template's runtime must be the Java the build compiles for (pom.xml java.version)");
        });
    }

    @Test
    void everyChangePublishesAVersionWithASnapshotAndReplacedVersionsAreDeleted() {
        Map<String, Object> globals = globalsFunction();
        assertEquals("live", globals.get("AutoPublishAlias"));
        assertEquals(true, globals.get("AutoPublishAliasAllProperties"), "timeout, handler, runtime changes must publish");
        assertEquals("Delete", globals.get("VersionDeletionPolicy"), "old versions fill the region's 75 GB code storage");
        Map<String, Object> snapStart = (Map<String, Object>) globals.get("SnapStart");
        assertNotNull(snapStart, "SnapStart");
        Map<String, Object> applyOn = (Map<String, Object>) snapStart.get("ApplyOn");
        Map<String, Object> parameter = (Map<String, Object>) TEMPLATE.parameters().get(String.valueOf(applyOn.get("Ref")));
        assertEquals("PublishedVersions", parameter.get("Default"), "SnapStart is on unless a region refuses it");
        for (String id : TEMPLATE.resourcesOfType("AWS::Serverless::Function")) {
            Map<String, Object> own = TEMPLATE.properties(id);
            for (String key : List.of("AutoPublishAlias", "AutoPublishAliasAllProperties", "VersionDeletionPolicy", "SnapStart", "Runtime")) {
                assertFalse(own.containsKey(key), id + " overrides " + key + " of Globals");
            }
        }
    }

    @Test
    void everyLambdaTaskRetriesTransientErrorsLongEnoughToOutlastASnapshotRestore() throws Exception {
        Intrinsics anyRef = new Intrinsics(name -> "arn:aws:lambda:us-east-1:000000000000:function:" + name, TEMPLATE.conditions());
        int lambdaTasks = 0;
        for (SamTemplate.StateMachineDef def : TEMPLATE.stateMachines()) {
            JsonNode definition = JSON.readTree(StateMachines.definition(TEMPLATE, def, anyRef));
            List<JsonNode> tasks = new ArrayList<>();
            collectLambdaTasks(definition.path("States"), tasks);
            for (JsonNode task : tasks) {
                lambdaTasks++;
                String name = def.logicalId() + "." + task.path("__name").asText();
                for (String error : TRANSIENT_LAMBDA_ERRORS) {
                    JsonNode retrier = firstRetrierFor(task.path("Retry"), error);
                    assertNotNull(retrier, name + " does not retry " + error);
                    assertTrue(names(retrier.path("ErrorEquals")).contains(error),
                            name + ": " + error + " is first caught by a wildcard retrier, not by its own");
                    assertTrue(retrier.path("MaxAttempts").asInt(3) >= 3, name + " gives up on " + error + " too soon");
                }
                JsonNode snap = firstRetrierFor(task.path("Retry"), "Lambda.SnapStartNotReadyException");
                assertTrue(totalBackoffSeconds(snap) >= SNAPSTART_RESTORE_SECONDS,
                        name + " stops retrying SnapStartNotReady after " + totalBackoffSeconds(snap) + " s");
            }
        }
        assertTrue(lambdaTasks >= 5, "the approval's Lambda tasks were not found: " + lambdaTasks);
    }

    @Test
    void theApprovalStillCatchesWhatItCannotRetry() throws Exception {
        JsonNode states = JSON.readTree(Files.readString(ROOT.resolve("statemachines/approval.asl.json"))).path("States");
        for (String state : List.of("Stages", "Approve", "Reject", "Expire")) {
            JsonNode catchers = states.path(state).path("Catch");
            assertTrue(catchers.isArray() && !catchers.isEmpty(), state + " lost its Catch");
            JsonNode last = catchers.get(catchers.size() - 1);
            assertEquals("RecordFailure", last.path("Next").asText(), state);
            assertTrue(names(last.path("ErrorEquals")).contains("States.ALL"), state);
        }
    }

    @Test
    void nothingIsRetainedAfterAFailedCreateAndEveryStatefulResourceSaysWhatHappensToIt() {
        Set<String> stateful = Set.of("AWS::DynamoDB::Table", "AWS::S3::Bucket", "AWS::Logs::LogGroup", "AWS::SecretsManager::Secret");
        RESOURCES.forEach((id, r) -> {
            Map<String, Object> resource = (Map<String, Object>) r;
            Object deletion = resource.get("DeletionPolicy");
            Object replace = resource.get("UpdateReplacePolicy");
            assertFalse("Retain".equals(deletion), id + ": DeletionPolicy Retain keeps a half-created stack's resources; use RetainExceptOnCreate");
            if ("Retain".equals(replace)) {
                assertEquals("RetainExceptOnCreate", deletion, id + " keeps data on replacement but not on deletion");
            }
            if (stateful.contains(String.valueOf(resource.get("Type")))) {
                assertNotNull(deletion, id + " needs an explicit DeletionPolicy");
                assertNotNull(replace, id + " needs an explicit UpdateReplacePolicy");
            }
        });
        for (String type : List.of("AWS::DynamoDB::Table", "AWS::S3::Bucket")) {
            for (String id : TEMPLATE.resourcesOfType(type)) {
                assertEquals("RetainExceptOnCreate", ((Map<String, Object>) RESOURCES.get(id)).get("DeletionPolicy"), id + " holds data");
            }
        }
    }

    @Test
    void theMaterialsBucketExpiresOldVersionsDeleteMarkersAndAbandonedUploads() {
        Map<String, Object> bucket = TEMPLATE.properties("MaterialsBucket");
        assertEquals("Enabled", ((Map<String, Object>) bucket.get("VersioningConfiguration")).get("Status"));
        List<Map<String, Object>> rules = (List<Map<String, Object>>) ((Map<String, Object>) bucket.get("LifecycleConfiguration")).get("Rules");
        List<Map<String, Object>> enabled = rules.stream().filter(r -> "Enabled".equals(r.get("Status"))).toList();
        assertTrue(enabled.stream().anyMatch(r -> r.get("NoncurrentVersionExpiration") instanceof Map<?, ?> m
                && ((Number) m.get("NoncurrentDays")).intValue() > 0), "noncurrent versions never expire");
        assertTrue(enabled.stream().anyMatch(r -> Boolean.TRUE.equals(r.get("ExpiredObjectDeleteMarker"))), "delete markers stay forever");
        assertTrue(enabled.stream().anyMatch(r -> r.get("AbortIncompleteMultipartUpload") instanceof Map<?, ?> m
                && ((Number) m.get("DaysAfterInitiation")).intValue() > 0), "incomplete multipart uploads are billed forever");
    }

    @Test
    void theHttpApiWritesJsonAccessLogsWithoutHeadersOrBodies() throws Exception {
        String api = TEMPLATE.resourcesOfType("AWS::Serverless::HttpApi").get(0);
        Map<String, Object> settings = (Map<String, Object>) TEMPLATE.properties(api).get("AccessLogSettings");
        assertNotNull(settings, "no access log");
        String destination = String.valueOf(((List<Object>) ((Map<String, Object>) settings.get("DestinationArn")).get("Fn::GetAtt")).get(0));
        assertEquals("AWS::Logs::LogGroup", ((Map<String, Object>) RESOURCES.get(destination)).get("Type"));
        String format = String.valueOf(settings.get("Format"));
        JsonNode line = JSON.readTree(format);
        Map<String, String> expected = Map.of("requestId", "$context.requestId", "ip", "$context.identity.sourceIp",
                "route", "$context.routeKey", "status", "$context.status", "latency", "$context.responseLatency");
        expected.forEach((key, variable) -> assertEquals(variable, line.path(key).asText(), "access log field " + key));
        String lower = format.toLowerCase(java.util.Locale.ROOT);
        for (String forbidden : List.of("header", "authorization", "body", "$input", "$request.", "querystring", "caller", "user")) {
            assertFalse(lower.contains(forbidden), "the access log must not carry " + forbidden);
        }
    }

    @Test
    void everyLogGroupKeepsAYearAndTheFunctionsAndTheStateMachineLogToTheirOwn() {
        List<String> groups = TEMPLATE.resourcesOfType("AWS::Logs::LogGroup");
        assertTrue(groups.size() >= 3, "app, access and state machine log groups");
        for (String id : groups) {
            Object days = TEMPLATE.properties(id).get("RetentionInDays");
            assertNotNull(days, id + " keeps logs forever");
            assertTrue(((Number) days).intValue() >= 365, id + " keeps logs " + days + " days; audit needs at least 6 months, we keep a year");
        }
        Map<String, Object> logging = (Map<String, Object>) globalsFunction().get("LoggingConfig");
        assertTrue(groups.contains(String.valueOf(((Map<String, Object>) logging.get("LogGroup")).get("Ref"))), "functions log to a template log group");
        for (SamTemplate.StateMachineDef sm : TEMPLATE.stateMachines()) {
            Map<String, Object> smLogging = (Map<String, Object>) TEMPLATE.properties(sm.logicalId()).get("Logging");
            Map<String, Object> dest = (Map<String, Object>) ((Map<String, Object>) ((List<Object>) smLogging.get("Destinations")).get(0))
                    .get("CloudWatchLogsLogGroup");
            String group = String.valueOf(((List<Object>) ((Map<String, Object>) dest.get("LogGroupArn")).get("Fn::GetAtt")).get(0));
            Object name = ((Map<String, Object>) TEMPLATE.properties(group).get("LogGroupName")).get("Fn::Sub");
            assertTrue(String.valueOf(name).startsWith("/aws/vendedlogs/states/"), sm.logicalId() + " logs to " + name);
            assertFalse(String.valueOf(name).equals(String.valueOf(logging.get("LogGroup"))), "the state machine has a log group of its own");
            assertEquals(false, smLogging.get("IncludeExecutionData"), "execution data holds personal data");
        }
    }

    @Test
    void loginAndRegistrationHaveStricterThrottlesThanTheRestOfTheApi() {
        String api = TEMPLATE.resourcesOfType("AWS::Serverless::HttpApi").get(0);
        Map<String, Object> props = TEMPLATE.properties(api);
        Map<String, Object> defaults = (Map<String, Object>) props.get("DefaultRouteSettings");
        Map<String, Object> routes = (Map<String, Object>) props.get("RouteSettings");
        Set<String> served = new TreeSet<>(TEMPLATE.routes().stream().map(SamTemplate.Route::routeKey).toList());
        List<String> strict = List.of("POST /v1/auth/login", "POST /v1/registrations/departments", "POST /v1/registrations/units",
                "POST /v1/registrations/bases", "POST /v1/registrations/persons");
        for (String key : strict) {
            Map<String, Object> route = (Map<String, Object>) routes.get(key);
            assertNotNull(route, key + " has no throttle of its own");
            for (String limit : List.of("ThrottlingRateLimit", "ThrottlingBurstLimit")) {
                assertTrue(parameterDefault(route.get(limit)) < parameterDefault(defaults.get(limit)), key + " " + limit);
            }
        }
        routes.keySet().forEach(key -> assertTrue(served.contains(key), "RouteSettings for a route the API does not have: " + key));
    }

    @Test
    void theTemplateIsPartitionAgnostic() throws Exception {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("template.yaml")));
        try (var asl = Files.list(ROOT.resolve("statemachines"))) {
            asl.filter(p -> p.toString().endsWith(".asl.json")).forEach(files::add);
        }
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertFalse(text.contains("arn:aws:"), file + " hard-codes the aws partition; use ${AWS::Partition}");
            assertFalse(text.contains("amazonaws.com"), file + " hard-codes the domain; use ${AWS::URLSuffix}");
        }
    }

    @Test
    void samconfigDeploysEveryStageToARegionWithItsOwnOriginAndHasANonInteractiveCiProfile() throws Exception {
        Map<String, Map<String, String>> config = samconfig(ROOT.resolve("samconfig.toml"));
        Set<String> envs = new TreeSet<>();
        config.keySet().forEach(section -> envs.add(section.substring(0, section.indexOf('.'))));
        assertTrue(envs.containsAll(List.of("default", "test", "prod", "ci")), "stages in samconfig.toml: " + envs);
        Set<String> stages = new TreeSet<>();
        for (String env : envs) {
            Map<String, String> global = config.getOrDefault(env + ".global.parameters", Map.of());
            Map<String, String> deploy = config.getOrDefault(env + ".deploy.parameters", Map.of());
            assertTrue(global.getOrDefault("region", "").matches("[a-z]{2}(-[a-z]+)+-\\d"), env + " sets no region");
            assertNotNull(global.get("stack_name"), env + " stack_name");
            assertEquals("template.yaml", deploy.get("template_file"), env + " must deploy template.yaml, never a stale sam build output");
            Map<String, String> overrides = new java.util.HashMap<>();
            for (String pair : deploy.getOrDefault("parameter_overrides", "").split("\\s+")) {
                if (pair.contains("=")) {
                    overrides.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                }
            }
            String stage = overrides.get("Stage");
            assertNotNull(stage, env + " sets no Stage");
            stages.add(stage);
            String origin = overrides.getOrDefault("FrontendOrigin", "");
            assertTrue(origin.startsWith("http"), env + " sets no FrontendOrigin");
            if (stage.equals("prod")) {
                assertTrue(origin.startsWith("https://") && !origin.contains("localhost"), "prod console origin " + origin);
            }
        }
        assertEquals(Set.of("dev", "test", "prod"), stages);
        assertEquals("false", config.get("ci.deploy.parameters").get("confirm_changeset"), "CI cannot answer a prompt");
        assertEquals("false", config.get("ci.deploy.parameters").get("fail_on_empty_changeset"), "an unchanged deploy is not a CI failure");
    }

    // ------------------------------------------------------------------ helpers

    /** The flat subset of TOML samconfig.toml uses: [env.command.parameters] tables of key = value. */
    private static Map<String, Map<String, String>> samconfig(Path file) throws Exception {
        Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>();
        Map<String, String> table = new java.util.LinkedHashMap<>();
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                table = new java.util.LinkedHashMap<>();
                out.put(line.substring(1, line.length() - 1), table);
            } else if (line.contains("=")) {
                String value = line.substring(line.indexOf('=') + 1).strip();
                table.put(line.substring(0, line.indexOf('=')).strip(), value.replaceAll("^\"|\"$", ""));
            }
        }
        return out;
    }

    private static Map<String, Object> globalsFunction() {
        return (Map<String, Object>) ((Map<String, Object>) RAW.get("Globals")).get("Function");
    }

    private static double parameterDefault(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        Object ref = ((Map<String, Object>) value).get("Ref");
        return Double.parseDouble(String.valueOf(((Map<String, Object>) TEMPLATE.parameters().get(String.valueOf(ref))).get("Default")));
    }

    /** Task states that invoke Lambda, at any depth (Map item processors, Parallel branches). */
    private static void collectLambdaTasks(JsonNode states, List<JsonNode> out) {
        Iterator<Map.Entry<String, JsonNode>> it = states.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode state = e.getValue();
            if ("Task".equals(state.path("Type").asText()) && state.path("Resource").asText().contains(":lambda:")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) state).put("__name", e.getKey());
                out.add(state);
            }
            for (String nested : List.of("ItemProcessor", "Iterator")) {
                if (state.has(nested)) {
                    collectLambdaTasks(state.path(nested).path("States"), out);
                }
            }
            for (JsonNode branch : state.path("Branches")) {
                collectLambdaTasks(branch.path("States"), out);
            }
        }
    }

    /** The retrier Step Functions applies to that error: the first whose ErrorEquals matches it. */
    private static JsonNode firstRetrierFor(JsonNode retriers, String error) {
        for (JsonNode retrier : retriers) {
            Set<String> errors = names(retrier.path("ErrorEquals"));
            if (errors.contains(error) || errors.contains("States.ALL")
                    || (errors.contains("States.TaskFailed") && !error.equals("States.Timeout"))) {
                return retrier;
            }
        }
        return null;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Seconds a retrier waits over all its attempts; full jitter waits half that on average. */
    static double totalBackoffSeconds(JsonNode retrier) {
        if (retrier == null) {
            fail("no retrier");
        }
        double interval = retrier.path("IntervalSeconds").asDouble(1);
        double rate = retrier.path("BackoffRate").asDouble(2);
        double cap = retrier.has("MaxDelaySeconds") ? retrier.path("MaxDelaySeconds").asDouble() : Double.MAX_VALUE;
        double total = 0;
        for (int attempt = 0; attempt < retrier.path("MaxAttempts").asInt(3); attempt++) {
            total += Math.min(interval * Math.pow(rate, attempt), cap);
        }
        return "FULL".equals(retrier.path("JitterStrategy").asText()) ? total / 2 : total;
    }
}
