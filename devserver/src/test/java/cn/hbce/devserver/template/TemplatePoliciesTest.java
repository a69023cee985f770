package cn.hbce.devserver.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.hbce.devserver.DevServerConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The IAM of template.yaml, read statement by statement: audit records are append-only, the
 * authorizer writes nothing but sessions, no DynamoDB or S3 action has a wildcard resource, read
 * routes do not write, and only the functions that sign or verify with the token key may read it.
 * Each failure names the function, the action and the resource.
 */
@SuppressWarnings("unchecked")
class TemplatePoliciesTest {
    private static final SamTemplate TEMPLATE = SamTemplate.load(DevServerConfig.ephemeral().projectRoot().resolve("template.yaml"));
    private static final Set<String> DYNAMO_READS = Set.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
            "dynamodb:Scan", "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem");
    private static final Set<String> SESSION_WRITES = Set.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem");
    private static final String AUDIT_TABLE = "AuditTable";
    private static final String TABLE = "Table";
    private static final String AUTHORIZER = "AuthorizerFunction";
    /**
     * Sign or verify with the token key: login signs, the authorizer verifies, and the list handlers
     * sign and check their paging cursors with a key derived from it.
     */
    private static final Set<String> TOKEN_KEY_READERS = Set.of(AUTHORIZER, "LoginFunction", "ListReviewsFunction",
            "ListSubordinatesFunction", "ListDepartmentsFunction", "ListRolesFunction", "ListAdminsFunction",
            "ListMaterialsFunction", "ListMyCertificatesFunction", "ListCertificatesFunction", "ListHoursFunction",
            // cursor-paged lists of person changes and training plans
            "ListPersonChangesFunction", "ListTrainingPlansFunction",
            "ListTransfersFunction", "ListPersonsFunction",
            // PERSONS and HOURS exports page through the person and hours queries with sealed cursors
            "CreateExportFunction");

    /** One allowed (action, resource) of a function, with the statement's condition. */
    record Grant(String function, String action, String resource, Map<String, Object> condition) {
        boolean dynamoWrite() {
            return action.startsWith("dynamodb:") && !DYNAMO_READS.contains(action);
        }

        @Override
        public String toString() {
            return function + " may " + action + " on " + resource + (condition.isEmpty() ? "" : " if " + condition);
        }
    }

    @Test
    void noFunctionCanUpdateOrDeleteAuditRecords() {
        List<Grant> audit = grants().stream().filter(g -> g.resource().startsWith(AUDIT_TABLE)).toList();
        assertFalse(audit.isEmpty(), "some function must be able to add audit records");
        for (Grant g : audit) {
            assertEquals("dynamodb:PutItem", g.action(), () -> "audit records are append-only, but " + g);
            assertEquals(AUDIT_TABLE, g.resource(), () -> "audit records are appended to the table itself: " + g);
        }
    }

    @Test
    void theAuthorizerWritesNothingButSessionItems() {
        List<Grant> mine = grants().stream().filter(g -> g.function().equals(AUTHORIZER)).toList();
        assertFalse(mine.isEmpty());
        for (Grant g : mine) {
            if (DYNAMO_READS.contains(g.action()) || g.action().equals("secretsmanager:GetSecretValue")) {
                continue;
            }
            assertTrue(SESSION_WRITES.contains(g.action()), () -> "the authorizer may only read, and write sessions: " + g);
            assertEquals(TABLE, g.resource(), () -> "the authorizer writes sessions of the table only: " + g);
            Object leading = ((Map<String, Object>) g.condition().getOrDefault("ForAllValues:StringLike", Map.of()))
                    .get("dynamodb:LeadingKeys");
            assertEquals(List.of("SESSION#*"), leading instanceof String s ? List.of(s) : leading,
                    () -> "the authorizer's writes must be restricted to the session partition: " + g);
        }
    }

    @Test
    void noDynamoDbOrS3ActionHasAWildcardResource() {
        for (Grant g : grants()) {
            if (!g.action().startsWith("dynamodb:") && !g.action().startsWith("s3:")) {
                continue;
            }
            assertFalse(g.action().endsWith("*"), () -> "wildcard action: " + g);
            assertFalse(g.resource().equals("*") || g.resource().startsWith("arn:"),
                    () -> "DynamoDB and S3 actions name the template's own resources, not " + g);
            String base = g.resource().split("/", 2)[0];
            assertTrue(TEMPLATE.resourcesOfType("AWS::DynamoDB::Table").contains(base)
                    || TEMPLATE.resourcesOfType("AWS::S3::Bucket").contains(base), () -> "unknown resource in " + g);
            if (g.resource().contains("*")) {
                // A bucket's objects, or (narrower) the objects under one key prefix, e.g. MaterialsBucket/uploads/*.
                boolean objects = g.action().startsWith("s3:") && g.resource().matches(java.util.regex.Pattern.quote(base)
                        + "/([a-z0-9-]+/)?\\*");
                assertTrue(g.resource().equals(base + "/index/*") || objects,
                        () -> "only a table's indexes or a bucket's objects (under one prefix) may be matched by a pattern: " + g);
            }
        }
    }

    @Test
    void readOnlyRoutesDoNotWriteTheTable() {
        Set<String> readers = TEMPLATE.routes().stream().filter(r -> r.method().equals("GET") && !r.path().equals("/v1/me"))
                .map(SamTemplate.Route::functionId).collect(Collectors.toSet());
        assertTrue(readers.size() > 5, readers::toString);
        for (Grant g : grants()) {
            if (readers.contains(g.function()) && g.dynamoWrite()) {
                assertTrue(g.resource().equals(AUDIT_TABLE), () -> "a read-only route writes: " + g);
            }
        }
        // GET /v1/me shows the full ID number to its owner, which is audited: its one write is the audit record.
        String me = TEMPLATE.routes().stream().filter(r -> r.routeKey().equals("GET /v1/me")).findFirst().orElseThrow().functionId();
        for (Grant g : grants()) {
            if (g.function().equals(me) && g.dynamoWrite()) {
                assertEquals(AUDIT_TABLE, g.resource(), () -> "GET /v1/me writes only its audit record: " + g);
            }
        }
    }

    @Test
    void onlyTheFunctionsThatSignOrVerifyMayReadTheTokenKeyAndNoEnvironmentHoldsIt() {
        assertFalse(TEMPLATE.globalEnvironment().containsKey("TOKEN_SECRET_ARN"), "the key's ARN is given where it is used");
        Set<String> readers = new TreeSet<>();
        for (Grant g : grants()) {
            if (g.action().startsWith("secretsmanager:")) {
                assertEquals("secretsmanager:GetSecretValue", g.action(), g::toString);
                assertEquals("TokenSigningSecret", g.resource(), g::toString);
                readers.add(g.function());
            }
        }
        assertEquals(new TreeSet<>(TOKEN_KEY_READERS), readers);
        for (SamTemplate.FunctionDef f : TEMPLATE.functions()) {
            assertEquals(TOKEN_KEY_READERS.contains(f.logicalId()), f.environment().containsKey("TOKEN_SECRET_ARN"),
                    f.logicalId() + ": TOKEN_SECRET_ARN exactly where the key may be read");
            assertFalse(f.environment().containsKey("TOKEN_SECRET"), f.logicalId() + " has the key in its environment");
            f.environment().forEach((name, value) -> assertFalse(String.valueOf(value).contains("{{resolve:"),
                    () -> f.logicalId() + "." + name + " resolves a secret into the environment"));
        }
    }

    @Test
    void theAuditTableIsKeptAndRecoverableLikeTheTable() {
        Map<String, Object> resource = resource(AUDIT_TABLE);
        assertEquals("RetainExceptOnCreate", resource.get("DeletionPolicy"));
        assertEquals("Retain", resource.get("UpdateReplacePolicy"));
        Map<String, Object> p = TEMPLATE.properties(AUDIT_TABLE);
        Map<String, Object> table = TEMPLATE.properties(TABLE);
        for (String key : List.of("SSESpecification", "PointInTimeRecoverySpecification", "TimeToLiveSpecification")) {
            assertEquals(table.get(key), p.get(key), key);
        }
        assertEquals("AUDIT_TABLE_NAME", TEMPLATE.globalEnvironment().entrySet().stream()
                .filter(e -> Map.of("Ref", AUDIT_TABLE).equals(e.getValue())).map(Map.Entry::getKey).findFirst().orElse(null));
    }

    /**
     * The task functions name the state machine without referencing it (it references them), so the
     * ARN they are given must be the one it gets; and the definition hands them its execution id.
     */
    @Test
    void theTaskFunctionsKnowTheApprovalByItsNameAndReceiveTheExecutionId() throws Exception {
        Map<String, String> refs = Map.of("AWS::Partition", "aws", "AWS::Region", "cn-north-1", "AWS::AccountId", "123456789012",
                "AWS::StackName", "hbce-prod");
        Intrinsics intrinsics = new Intrinsics(refs::get, TEMPLATE.conditions());
        SamTemplate.StateMachineDef approval = TEMPLATE.stateMachines().stream()
                .filter(sm -> sm.logicalId().equals("ApprovalStateMachine")).findFirst().orElseThrow();
        assertNotNull(approval.nameExpression(), "the approval needs an explicit Name");
        String arn = "arn:aws:states:cn-north-1:123456789012:stateMachine:" + approval.name(intrinsics);
        SamTemplate.StateMachineDef transfer = TEMPLATE.stateMachines().stream()
                .filter(sm -> sm.logicalId().equals("TransferStateMachine")).findFirst().orElseThrow();
        assertNotNull(transfer.nameExpression(), "the transfer needs an explicit Name");
        String transferArn = "arn:aws:states:cn-north-1:123456789012:stateMachine:" + transfer.name(intrinsics);
        // OpenDecision serves both workflows (the transfer opens its TRANSFER_IN decision through it).
        Map<String, List<String>> machinesOf = Map.of(
                "OpenDecisionFunction", List.of(arn, transferArn),
                "FinishReviewFunction", List.of(arn),
                "CheckTransferWorkFunction", List.of(transferArn),
                "ApplyTransferFunction", List.of(transferArn),
                "FinishTransferFunction", List.of(transferArn));
        for (var entry : machinesOf.entrySet()) {
            String task = entry.getKey();
            SamTemplate.FunctionDef f = TEMPLATE.functions().stream().filter(x -> x.logicalId().equals(task)).findFirst().orElseThrow();
            if (entry.getValue().contains(arn)) {
                assertEquals(arn, intrinsics.string(f.environment().get("APPROVAL_STATE_MACHINE_ARN")), task);
            }
            if (entry.getValue().contains(transferArn)) {
                assertEquals(transferArn, intrinsics.string(f.environment().get("TRANSFER_STATE_MACHINE_ARN")), task);
            }
            List<String> described = grants().stream().filter(g -> g.function().equals(task) && g.action().equals("states:DescribeExecution"))
                    .map(g -> intrinsics.string(Map.of("Fn::Sub", g.resource()))).sorted().toList();
            assertEquals(entry.getValue().stream().map(m -> m.replace(":stateMachine:", ":execution:") + ":*").sorted().toList(),
                    described, task + " may describe its workflows' executions only");
        }
        String transferAsl = Files.readString(TEMPLATE.directory().resolve(transfer.definitionUri()));
        List<JsonNode> transferTasks = new ArrayList<>();
        new ObjectMapper().readTree(transferAsl).findParents("FunctionName").forEach(transferTasks::add);
        assertEquals(12, transferTasks.size(),
                "check, open, four moves (person, records, statistics, history), the records' undo, five ends");
        for (JsonNode t : transferTasks) {
            assertEquals("$$.Execution.Id", t.path("Payload").path("executionId.$").asText(), t::toString);
        }
        String asl = Files.readString(TEMPLATE.directory().resolve(approval.definitionUri()));
        List<JsonNode> tasks = new ArrayList<>();
        new ObjectMapper().readTree(asl).findParents("FunctionName").forEach(tasks::add);
        assertEquals(5, tasks.size(), "OpenDecision once, FinishReview for four outcomes");
        for (JsonNode t : tasks) {
            assertEquals("$$.Execution.Id", t.path("Payload").path("executionId.$").asText(), t::toString);
        }
    }

    // ------------------------------------------------------------------ reading the policies

    private static Map<String, Object> resource(String id) {
        Map<String, Object> root = CfnYaml.load(TEMPLATE.directory().resolve("template.yaml"));
        return (Map<String, Object>) ((Map<String, Object>) root.get("Resources")).get(id);
    }

    /** Every (action, resource) every function is allowed, policy templates expanded as SAM does. */
    static List<Grant> grants() {
        List<Grant> out = new ArrayList<>();
        for (SamTemplate.FunctionDef f : TEMPLATE.functions()) {
            for (Object policy : list(TEMPLATE.properties(f.logicalId()).get("Policies"))) {
                if (policy instanceof String managed) {
                    fail(f.logicalId() + " uses the managed policy " + managed + ", whose actions this test cannot check");
                }
                Map<String, Object> p = (Map<String, Object>) policy;
                p.forEach((kind, body) -> {
                    if (kind.equals("Statement")) {
                        for (Object s : list(body)) {
                            statement(f.logicalId(), (Map<String, Object>) s, out);
                        }
                    } else {
                        expandTemplate(f.logicalId(), kind, (Map<String, Object>) body, out);
                    }
                });
            }
        }
        return out;
    }

    private static void statement(String function, Map<String, Object> s, List<Grant> out) {
        assertEquals("Allow", s.get("Effect"), function + ": only Allow statements are expected");
        assertFalse(s.containsKey("NotAction") || s.containsKey("NotResource"), function + ": NotAction/NotResource");
        Map<String, Object> condition = s.get("Condition") == null ? Map.of() : (Map<String, Object>) s.get("Condition");
        for (Object action : list(s.get("Action"))) {
            for (Object resource : list(s.get("Resource"))) {
                out.add(new Grant(function, String.valueOf(action), describe(resource), condition));
            }
        }
    }

    /** The SAM policy templates as SAM expands them (policy_templates.json); unknown ones fail the test. */
    private static void expandTemplate(String function, String name, Map<String, Object> args, List<Grant> out) {
        Map<String, List<String>> dynamo = new LinkedHashMap<>();
        dynamo.put("DynamoDBReadPolicy", List.of("GetItem", "Scan", "Query", "BatchGetItem", "DescribeTable"));
        dynamo.put("DynamoDBWritePolicy", List.of("PutItem", "UpdateItem", "BatchWriteItem"));
        dynamo.put("DynamoDBCrudPolicy", List.of("GetItem", "DeleteItem", "PutItem", "Scan", "Query", "UpdateItem",
                "BatchWriteItem", "BatchGetItem", "DescribeTable", "ConditionCheckItem"));
        if (dynamo.containsKey(name)) {
            String table = refName(args.get("TableName"));
            for (String a : dynamo.get(name)) {
                out.add(new Grant(function, "dynamodb:" + a, table, Map.of()));
                out.add(new Grant(function, "dynamodb:" + a, table + "/index/*", Map.of()));
            }
        } else if (name.equals("StepFunctionsExecutionPolicy")) {
            out.add(new Grant(function, "states:StartExecution", "stateMachine:" + describe(args.get("StateMachineName")), Map.of()));
        } else {
            fail(function + " uses the policy template " + name + ", which this test does not know how to expand");
        }
    }

    private static final Pattern SUB_ARN = Pattern.compile("^\\$\\{([A-Za-z0-9]+)\\.Arn}(/.*)?$");

    /** A resource as the logical id it names ("Table", "Table/index/*"), or its text. */
    private static String describe(Object resource) {
        if (resource instanceof Map<?, ?> m && m.size() == 1) {
            var e = m.entrySet().iterator().next();
            switch (String.valueOf(e.getKey())) {
                case "Ref":
                    return String.valueOf(e.getValue());
                case "Fn::GetAtt": {
                    List<Object> parts = (List<Object>) e.getValue();
                    return parts.get(0) + (parts.get(1).equals("Arn") ? "" : "." + parts.get(1));
                }
                case "Fn::Sub": {
                    String text = String.valueOf(e.getValue() instanceof List<?> l ? l.get(0) : e.getValue());
                    Matcher arn = SUB_ARN.matcher(text);
                    return arn.matches() ? arn.group(1) + (arn.group(2) == null ? "" : arn.group(2)) : text;
                }
                default:
                    return String.valueOf(resource);
            }
        }
        return String.valueOf(resource);
    }

    private static String refName(Object value) {
        return describe(value);
    }

    private static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? (List<Object>) l : List.of(value);
    }
}
