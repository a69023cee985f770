package cn.hbce.devserver.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parts of template.yaml that the local runtime serves: functions, routes, schedules, data and workflows. */
public final class SamTemplate {
    private final Path file;
    private final Map<String, Object> root;
    private final Map<String, Map<String, Object>> resources = new LinkedHashMap<>();

    public record Route(String method, String path, String functionId, boolean authorized) {
        public String routeKey() {
            return method + " " + path;
        }
    }

    public record Schedule(String functionId, String eventName, String expression, Object input) {
    }

    /**
     * A function as the local runtime hosts it: its environment is Globals' merged with its own
     * (unresolved), its timeout and memory its own or Globals' (Lambda's defaults 3 s and 128 MB
     * otherwise), and its {@code Policies} as written (policy templates and inline statements).
     */
    public record FunctionDef(String logicalId, String handler, Map<String, Object> environment, int timeoutSeconds,
                              int memoryMb, List<Object> policies) {
        public FunctionDef(String logicalId, String handler, Map<String, Object> environment) {
            this(logicalId, handler, environment, 3, 128, List.of());
        }
    }

    public record AuthorizerDef(String name, Object functionRef, List<String> identitySources, boolean simpleResponses) {
    }

    /** {@code nameExpression} is the template's {@code Name} (often a Fn::Sub), or null when CloudFormation picks one. */
    public record StateMachineDef(String logicalId, Object nameExpression, String definitionUri, Map<String, Object> substitutions,
                                  List<Object> policies) {

        /** The state machine's name: its {@code Name} evaluated, or the logical id when it has none. */
        public String name(Intrinsics intrinsics) {
            return nameExpression == null ? logicalId : intrinsics.string(nameExpression);
        }
    }

    @SuppressWarnings("unchecked")
    private SamTemplate(Path file, Map<String, Object> root) {
        this.file = file;
        this.root = root;
        ((Map<String, Object>) root.getOrDefault("Resources", Map.of()))
                .forEach((id, res) -> resources.put(id, (Map<String, Object>) res));
    }

    public static SamTemplate load(Path file) {
        return new SamTemplate(file, CfnYaml.load(file));
    }

    public Path directory() {
        return file.toAbsolutePath().getParent();
    }

    public Map<String, Object> parameters() {
        return map(root.get("Parameters"));
    }

    public Map<String, Object> conditions() {
        return map(root.get("Conditions"));
    }

    public List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        resources.forEach((id, res) -> {
            if (type.equals(res.get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    public Map<String, Object> properties(String logicalId) {
        return map(resources.get(logicalId).get("Properties"));
    }

    public Map<String, Object> globalEnvironment() {
        return map(map(map(map(root.get("Globals")).get("Function")).get("Environment")).get("Variables"));
    }

    /** Every function's runtime: its own {@code Runtime}, else the one in Globals.Function. */
    public Map<String, String> runtimes() {
        Object global = map(map(root.get("Globals")).get("Function")).get("Runtime");
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : resourcesOfType("AWS::Serverless::Function")) {
            Object own = properties(id).get("Runtime");
            out.put(id, String.valueOf(own != null ? own : global));
        }
        return out;
    }

    public List<FunctionDef> functions() {
        List<FunctionDef> out = new ArrayList<>();
        for (String id : resourcesOfType("AWS::Serverless::Function")) {
            Map<String, Object> p = properties(id);
            Map<String, Object> env = new LinkedHashMap<>(globalEnvironment());
            env.putAll(map(map(p.get("Environment")).get("Variables")));
            out.add(new FunctionDef(id, String.valueOf(p.get("Handler")), env,
                    intOr(p.get("Timeout"), intOr(globalFunction().get("Timeout"), 3)),
                    intOr(p.get("MemorySize"), intOr(globalFunction().get("MemorySize"), 128)),
                    policyList(p.get("Policies"))));
        }
        return out;
    }

    public List<Route> routes() {
        List<Route> out = new ArrayList<>();
        for (String id : resourcesOfType("AWS::Serverless::Function")) {
            map(properties(id).get("Events")).forEach((name, ev) -> {
                Map<String, Object> event = map(ev);
                if ("HttpApi".equals(event.get("Type"))) {
                    Map<String, Object> p = map(event.get("Properties"));
                    Object auth = map(p.get("Auth")).get("Authorizer");
                    out.add(new Route(String.valueOf(p.get("Method")).toUpperCase(java.util.Locale.ROOT),
                            String.valueOf(p.get("Path")), id, !"NONE".equals(auth)));
                }
            });
        }
        return out;
    }

    public List<Schedule> schedules() {
        List<Schedule> out = new ArrayList<>();
        for (String id : resourcesOfType("AWS::Serverless::Function")) {
            map(properties(id).get("Events")).forEach((name, ev) -> {
                Map<String, Object> event = map(ev);
                String type = String.valueOf(event.get("Type"));
                if (type.equals("Schedule") || type.equals("ScheduleV2")) {
                    Map<String, Object> p = map(event.get("Properties"));
                    Object expression = p.containsKey("Schedule") ? p.get("Schedule") : p.get("ScheduleExpression");
                    out.add(new Schedule(id, name, String.valueOf(expression), p.get("Input")));
                }
            });
        }
        return out;
    }

    /** The HTTP API's default authorizer, if it has one. */
    public Optional<AuthorizerDef> defaultAuthorizer() {
        for (String id : resourcesOfType("AWS::Serverless::HttpApi")) {
            Map<String, Object> auth = map(properties(id).get("Auth"));
            Object name = auth.get("DefaultAuthorizer");
            if (name == null) {
                continue;
            }
            Map<String, Object> def = map(map(auth.get("Authorizers")).get(String.valueOf(name)));
            Map<String, Object> identity = map(def.get("Identity"));
            List<String> sources = new ArrayList<>();
            list(identity.get("Headers")).forEach(h -> sources.add("$request.header." + h));
            list(identity.get("QueryStrings")).forEach(q -> sources.add("$request.querystring." + q));
            list(identity.get("Context")).forEach(c -> sources.add("$context." + c));
            if (identity.isEmpty()) {
                sources.add("$request.header.Authorization");
            }
            return Optional.of(new AuthorizerDef(String.valueOf(name), def.get("FunctionArn"), sources,
                    Boolean.TRUE.equals(def.get("EnableSimpleResponses"))));
        }
        return Optional.empty();
    }

    /** The HTTP API's CorsConfiguration.AllowOrigins, unresolved. */
    public List<Object> corsOrigins() {
        for (String id : resourcesOfType("AWS::Serverless::HttpApi")) {
            return list(map(properties(id).get("CorsConfiguration")).get("AllowOrigins"));
        }
        return List.of();
    }

    public List<StateMachineDef> stateMachines() {
        List<StateMachineDef> out = new ArrayList<>();
        for (String id : resourcesOfType("AWS::Serverless::StateMachine")) {
            Map<String, Object> p = properties(id);
            out.add(new StateMachineDef(id, p.get("Name"), String.valueOf(p.get("DefinitionUri")),
                    map(p.get("DefinitionSubstitutions")), policyList(p.get("Policies"))));
        }
        return out;
    }

    private Map<String, Object> globalFunction() {
        return map(map(root.get("Globals")).get("Function"));
    }

    private static int intOr(Object value, int fallback) {
        return value == null ? fallback : Integer.parseInt(String.valueOf(value));
    }

    /** Policies may be one policy or a list of them. */
    private static List<Object> policyList(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? List.copyOf(l) : List.of(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
