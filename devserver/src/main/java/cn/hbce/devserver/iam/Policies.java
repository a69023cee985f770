package cn.hbce.devserver.iam;

import cn.hbce.devserver.template.Intrinsics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A resource's {@code Policies} as IAM will see them after SAM's transform: inline statements with
 * their intrinsics resolved to the local ARNs, and the SAM policy templates the template uses
 * expanded as SAM's policy_templates.json defines them. An unknown policy template, a managed
 * policy, or a statement form the check does not evaluate fails loudly.
 */
public final class Policies {
    /** SAM's definitions (policy_templates.json) of the templates in use: action and resource pattern. */
    private static final Map<String, Template> TEMPLATES = Map.of(
            "LambdaInvokePolicy", new Template("FunctionName", "functionName", "lambda:InvokeFunction",
                    "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${functionName}*"),
            "StepFunctionsExecutionPolicy", new Template("StateMachineName", "stateMachineName", "states:StartExecution",
                    "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:${stateMachineName}"));

    private record Template(String parameter, String variable, String action, String resource) {
    }

    private Policies() {
    }

    /** {@code owner} names the function or state machine in error messages. */
    @SuppressWarnings("unchecked")
    public static List<Statement> of(String owner, List<Object> policies, Intrinsics intrinsics) {
        List<Statement> out = new ArrayList<>();
        for (Object policy : policies) {
            if (!(policy instanceof Map<?, ?> map)) {
                throw new IllegalStateException(owner + ": the managed policy " + policy
                        + " cannot be evaluated by the local IAM check; write its statements inline");
            }
            ((Map<String, Object>) map).forEach((kind, body) -> {
                if (kind.equals("Statement")) {
                    for (Object s : list(body)) {
                        out.add(statement(owner, (Map<String, Object>) s, intrinsics));
                    }
                } else if (kind.equals("Version")) {
                    // The policy language version: nothing to evaluate.
                } else {
                    out.add(expand(owner, kind, body, intrinsics));
                }
            });
        }
        return List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    private static Statement expand(String owner, String name, Object body, Intrinsics intrinsics) {
        Template t = TEMPLATES.get(name);
        if (t == null) {
            throw new IllegalStateException(owner + ": the SAM policy template " + name
                    + " is not known to the local IAM check (known: " + TEMPLATES.keySet() + ")");
        }
        Object argument = body instanceof Map<?, ?> m ? ((Map<String, Object>) m).get(t.parameter()) : null;
        if (argument == null) {
            throw new IllegalStateException(owner + ": " + name + " needs " + t.parameter());
        }
        String resource = intrinsics.string(Map.of("Fn::Sub", List.of(t.resource(), Map.of(t.variable(), argument))));
        return new Statement(name, true, List.of(t.action()), List.of(resource), Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Statement statement(String owner, Map<String, Object> s, Intrinsics intrinsics) {
        String sid = s.get("Sid") == null ? "(no Sid)" : String.valueOf(s.get("Sid"));
        String where = owner + " statement " + sid;
        for (String unsupported : List.of("NotAction", "NotResource", "NotPrincipal", "Principal")) {
            if (s.containsKey(unsupported)) {
                throw new IllegalStateException(where + ": " + unsupported + " is not evaluated by the local IAM check");
            }
        }
        String effect = String.valueOf(s.get("Effect"));
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new IllegalStateException(where + ": Effect must be Allow or Deny, not " + effect);
        }
        List<String> actions = list(s.get("Action")).stream().map(intrinsics::string).toList();
        List<String> resources = list(s.get("Resource")).stream().map(intrinsics::string).toList();
        if (actions.isEmpty() || resources.isEmpty()) {
            throw new IllegalStateException(where + ": needs Action and Resource");
        }
        Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
        Object condition = s.get("Condition");
        if (condition != null) {
            ((Map<String, Object>) condition).forEach((operator, keys) -> {
                Map<String, List<String>> byKey = new LinkedHashMap<>();
                ((Map<String, Object>) keys).forEach((key, values) ->
                        byKey.put(key, list(values).stream().map(intrinsics::string).toList()));
                conditions.put(operator, byKey);
            });
            Conditions.requireSupported(where, conditions);
        }
        return new Statement(sid, effect.equals("Allow"), actions, resources, conditions);
    }

    private static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? List.copyOf(l) : List.of(value);
    }
}
