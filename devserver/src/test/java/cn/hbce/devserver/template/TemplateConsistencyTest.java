package cn.hbce.devserver.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.common.lambda.ApiFunction;
import cn.hbce.devserver.DevServerConfig;
import cn.hbce.devserver.gateway.RouteTable;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keeps template.yaml, the handler classes and the devserver's routing in step. */
@SuppressWarnings("unchecked")
class TemplateConsistencyTest {
    private static final Path ROOT = DevServerConfig.ephemeral().projectRoot();
    private static final SamTemplate TEMPLATE = SamTemplate.load(ROOT.resolve("template.yaml"));

    @Test
    void everyHandlerClassExistsAndImplementsRequestHandler() throws Exception {
        for (SamTemplate.FunctionDef f : TEMPLATE.functions()) {
            String[] parts = f.handler().split("::");
            assertEquals(2, parts.length, f.logicalId() + " handler must be Class::handleRequest");
            assertEquals("handleRequest", parts[1], f.logicalId());
            Class<?> type = Class.forName(parts[0]);
            assertTrue(RequestHandler.class.isAssignableFrom(type), f.logicalId() + " must implement RequestHandler");
            assertEquals(f.logicalId(), type.getSimpleName(), "function logical ids are named after their handler class");
            type.getConstructor();
        }
    }

    @Test
    void routedFunctionsAreHttpHandlersAndOthersAreNot() throws Exception {
        Set<String> routed = TEMPLATE.routes().stream().map(SamTemplate.Route::functionId).collect(Collectors.toSet());
        for (SamTemplate.FunctionDef f : TEMPLATE.functions()) {
            Class<?> type = Class.forName(f.handler().split("::")[0]);
            assertEquals(routed.contains(f.logicalId()), ApiFunction.class.isAssignableFrom(type),
                    f.logicalId() + ": HttpApi routes and ApiFunction handlers must coincide");
        }
    }

    @Test
    void theAuthorizerTakesAuthorizerEventsWithSimpleResponses() throws Exception {
        SamTemplate.AuthorizerDef auth = TEMPLATE.defaultAuthorizer().orElseThrow();
        assertTrue(auth.simpleResponses());
        assertEquals(List.of("$context.routeKey"), auth.identitySources(), "authorizer must run for every request");
        String httpApi = TEMPLATE.resourcesOfType("AWS::Serverless::HttpApi").get(0);
        Map<String, Object> authorizers = (Map<String, Object>) ((Map<String, Object>) TEMPLATE.properties(httpApi).get("Auth"))
                .get("Authorizers");
        assertEquals(true, ((Map<String, Object>) authorizers.get(auth.name())).get("EnableFunctionDefaultPermissions"),
                "API Gateway needs the permission to invoke the authorizer");
        Class<?> type = Class.forName("cn.hbce.auth.AuthorizerFunction");
        assertEquals(APIGatewayV2CustomAuthorizerEvent.class, inputType(type));
    }

    @Test
    void routesAreUniqueAndEachIsReachableThroughTheGatewayRouting() {
        List<SamTemplate.Route> routes = TEMPLATE.routes();
        Set<String> keys = new HashSet<>();
        routes.forEach(r -> assertTrue(keys.add(r.routeKey()), "duplicate route " + r.routeKey()));
        RouteTable table = new RouteTable(routes);
        for (SamTemplate.Route r : routes) {
            String concrete = r.path().replaceAll("\\{[^}]+}", "x1");
            assertEquals(r, table.match(r.method(), concrete).orElseThrow().route(), r.routeKey());
        }
        assertTrue(table.match("GET", "/v1/not-a-route").isEmpty());
        assertTrue(table.match("DELETE", "/v1/health").isEmpty());
    }

    @Test
    void servesTheContractRoutesOfTheSkeleton() {
        Set<String> keys = TEMPLATE.routes().stream().map(SamTemplate.Route::routeKey).collect(Collectors.toSet());
        for (String route : List.of("GET /v1/health", "GET /v1/orgs/lookup", "POST /v1/registrations/departments",
                "POST /v1/auth/login", "POST /v1/auth/logout", "GET /v1/me", "PUT /v1/me/password", "GET /v1/org",
                "PUT /v1/org", "GET /v1/todo")) {
            assertTrue(keys.contains(route), "template lacks " + route);
        }
    }

    @Test
    void onlyRegistrationLoginHealthLookupAndCertificateVerificationAreAnonymous() {
        Set<String> open = TEMPLATE.routes().stream().filter(r -> !r.authorized()).map(SamTemplate.Route::routeKey)
                .collect(Collectors.toSet());
        for (String key : open) {
            assertTrue(key.equals("GET /v1/health") || key.equals("GET /v1/orgs/lookup") || key.equals("POST /v1/auth/login")
                    || key.startsWith("POST /v1/registrations/") || key.equals("GET /v1/certificates/verify/{verifyCode}"),
                    key + " must not be anonymous");
        }
    }

    /** The IAM statements themselves are checked in TemplatePoliciesTest. */
    @Test
    void everyFunctionGetsTheTablesButNoKeyAndNoBroadPolicy() {
        Map<String, Object> env = TEMPLATE.globalEnvironment();
        assertTrue(env.containsKey("TABLE_NAME"));
        assertTrue(env.containsKey("AUDIT_TABLE_NAME"));
        assertFalse(env.containsKey("TOKEN_SECRET"), "the signing key is read from Secrets Manager, not the environment");
        for (SamTemplate.FunctionDef f : TEMPLATE.functions()) {
            Object policies = TEMPLATE.properties(f.logicalId()).get("Policies");
            String text = String.valueOf(policies);
            assertFalse(text.contains("AdministratorAccess") || text.contains("FullAccess") || text.contains("CrudPolicy"),
                    f.logicalId() + " policy too wide");
        }
    }

    @Test
    void everyStateMachineVariableHasASubstitutionAndTheResultIsJson() throws Exception {
        Intrinsics anyRef = new Intrinsics(name -> "arn:aws:local:" + name, TEMPLATE.conditions());
        for (SamTemplate.StateMachineDef def : TEMPLATE.stateMachines()) {
            String definition = cn.hbce.devserver.StateMachines.definition(TEMPLATE, def, anyRef);
            assertFalse(definition.contains("${"), def.logicalId());
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(definition);
        }
    }

    /**
     * Locally every function sees every variable, so a function that submits reviews but lacks the
     * state machine's ARN or the right to start it would only fail on AWS. These are the handlers
     * whose use cases call ReviewService.submit; the approval's own task functions get the ARN too
     * (to check that a call comes from one of its executions) but may not start one.
     */
    @Test
    void functionsThatSubmitReviewsMayStartTheApprovalAndNoOthersMay() {
        Set<String> submitters = Set.of("RegisterDepartmentFunction", "RegisterUnitFunction", "RegisterBaseFunction",
                "RegisterPersonFunction", "UpdateOrgFunction", "RequestSuperiorChangeFunction",
                "SubmitPersonChangeFunction", "SubmitTrainingPlanFunction", "ClaimHoursFunction", "DeclareHoursFunction");
        Set<String> tasks = Set.of("OpenDecisionFunction", "FinishReviewFunction");
        // The transfer: its start (POST /v1/transfers) may start the transfer workflow; its tasks, and
        // OpenDecision (which opens the TRANSFER_IN decision), know its ARN to check their caller.
        Set<String> transferStarters = Set.of("StartTransferFunction");
        Set<String> transferTasks = Set.of("CheckTransferWorkFunction", "ApplyTransferFunction", "FinishTransferFunction",
                "OpenDecisionFunction");
        for (SamTemplate.FunctionDef f : TEMPLATE.functions()) {
            Map<String, Object> own = (Map<String, Object>) ((Map<String, Object>) TEMPLATE.properties(f.logicalId())
                    .getOrDefault("Environment", Map.of())).getOrDefault("Variables", Map.of());
            // Another state machine (statistics) may be started by its own starters; the approval only by submitters.
            String policies = String.valueOf(TEMPLATE.properties(f.logicalId()).get("Policies"));
            boolean mayStart = policies.contains("StepFunctionsExecutionPolicy") && policies.contains("ApprovalStateMachine");
            boolean mayStartTransfers = policies.contains("StepFunctionsExecutionPolicy") && policies.contains("TransferStateMachine");
            boolean submits = submitters.contains(f.logicalId());
            assertEquals(submits || tasks.contains(f.logicalId()), own.containsKey("APPROVAL_STATE_MACHINE_ARN"),
                    f.logicalId() + " state machine ARN");
            boolean startsTransfers = transferStarters.contains(f.logicalId());
            assertEquals(startsTransfers || transferTasks.contains(f.logicalId()), own.containsKey("TRANSFER_STATE_MACHINE_ARN"),
                    f.logicalId() + " transfer state machine ARN");
            assertEquals(submits, mayStart, f.logicalId() + " StepFunctionsExecutionPolicy of the approval");
            assertEquals(startsTransfers, mayStartTransfers, f.logicalId() + " StepFunctionsExecutionPolicy of the transfer");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDocumentDescribesExactlyTheTemplatesRoutes() throws Exception {
        Map<String, Object> doc;
        try (var in = java.nio.file.Files.newBufferedReader(ROOT.resolve("docs/openapi.yaml"))) {
            doc = new org.yaml.snakeyaml.Yaml().load(in);
        }
        Set<String> documented = new java.util.TreeSet<>();
        ((Map<String, Object>) doc.get("paths")).forEach((path, ops) -> ((Map<String, Object>) ops).keySet().stream()
                .filter(m -> List.of("get", "post", "put", "delete", "patch").contains(m))
                .forEach(m -> documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + path)));
        Set<String> served = TEMPLATE.routes().stream().map(SamTemplate.Route::routeKey)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        assertEquals(served, documented);
    }

    private static Type inputType(Class<?> type) {
        for (Type t : type.getGenericInterfaces()) {
            if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                return p.getActualTypeArguments()[0];
            }
        }
        throw new AssertionError(type + " does not declare RequestHandler<I, O>");
    }
}
