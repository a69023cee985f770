package cn.hbce.devserver;

import cn.hbce.devserver.template.Intrinsics;
import cn.hbce.devserver.template.SamTemplate;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Each function's environment as Lambda gives it: the template's Globals and the function's own
 * {@code Environment}, intrinsics resolved, plus what Lambda itself sets (region, function name,
 * memory, the credentials of the function's role: locally its access key id is its logical id) and
 * the local endpoints. Nothing of another function's environment and nothing of the devserver's
 * process environment or system properties reaches it.
 * <p>
 * A declared variable may be overridden for a local run by the setting {@code HBCE_ENV_<NAME>}
 * (like {@code sam local --env-vars}, which also only overrides declared variables); an override
 * of a variable no function declares is refused.
 */
final class FunctionEnvironments {
    /**
     * What every function's identity signs with locally. The key id names the function; the secret
     * is checked only on presigned S3 URLs (iam.PresignedUrls), which leave the function for a browser.
     */
    public static final String FUNCTION_SECRET_KEY = "hbce-local-function-secret";
    static final String OVERRIDE_PREFIX = "HBCE_ENV_";

    private FunctionEnvironments() {
    }

    /** The local endpoints every function (and the devserver's own clients) talk to. */
    record Endpoints(URI dynamo, URI s3, URI sfn, URI secretsManager) {
        void addTo(Map<String, String> env) {
            env.put("DYNAMODB_ENDPOINT", dynamo.toString());
            env.put("S3_ENDPOINT", s3.toString());
            env.put("SFN_ENDPOINT", sfn.toString());
            env.put("SECRETSMANAGER_ENDPOINT", secretsManager.toString());
        }
    }

    static Map<String, Map<String, String>> of(SamTemplate template, Intrinsics intrinsics, Endpoints endpoints) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Set<String> declared = new TreeSet<>();
        for (SamTemplate.FunctionDef f : template.functions()) {
            Map<String, String> env = new LinkedHashMap<>(declared(f, intrinsics));
            declared.addAll(env.keySet());
            env.replaceAll((name, value) -> DevServerConfig.setting(OVERRIDE_PREFIX + name, value));
            env.put("AWS_REGION", LocalServices.REGION);
            env.put("AWS_DEFAULT_REGION", LocalServices.REGION);
            env.put("AWS_LAMBDA_FUNCTION_NAME", f.logicalId());
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(f.memoryMb()));
            env.put("AWS_ACCESS_KEY_ID", f.logicalId());
            env.put("AWS_SECRET_ACCESS_KEY", FUNCTION_SECRET_KEY);
            endpoints.addTo(env);
            out.put(f.logicalId(), Map.copyOf(env));
        }
        refuseUnknownOverrides(declared);
        return out;
    }

    /**
     * The devserver's own environment (its provisioning and seeding, and the tests' fixtures in this
     * JVM): the variables the functions declare, where they agree, with the admin key, which no
     * policy restricts.
     */
    static Map<String, String> admin(SamTemplate template, Intrinsics intrinsics, Endpoints endpoints) {
        Map<String, String> env = new LinkedHashMap<>();
        Set<String> disagreed = new TreeSet<>();
        for (SamTemplate.FunctionDef f : template.functions()) {
            declared(f, intrinsics).forEach((name, value) -> {
                String v = DevServerConfig.setting(OVERRIDE_PREFIX + name, value);
                String previous = env.putIfAbsent(name, v);
                if (previous != null && !previous.equals(v)) {
                    disagreed.add(name);
                }
            });
        }
        disagreed.forEach(env::remove);
        env.put("AWS_REGION", LocalServices.REGION);
        env.put("AWS_ACCESS_KEY_ID", LocalServices.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", LocalServices.SECRET_KEY);
        endpoints.addTo(env);
        return env;
    }

    private static Map<String, String> declared(SamTemplate.FunctionDef f, Intrinsics intrinsics) {
        Map<String, String> env = new LinkedHashMap<>();
        f.environment().forEach((name, raw) -> {
            String value = intrinsics.string(raw);
            if (value != null && value.contains("{{resolve:")) {
                throw new IllegalStateException(f.logicalId() + "." + name + ": secrets are read at run time by ARN, "
                        + "never resolved into the environment");
            }
            env.put(name, value == null ? "" : value);
        });
        return env;
    }

    private static void refuseUnknownOverrides(Set<String> declared) {
        Set<String> names = new TreeSet<>(System.getenv().keySet());
        System.getProperties().stringPropertyNames().forEach(names::add);
        for (String setting : names) {
            if (setting.startsWith(OVERRIDE_PREFIX) && !declared.contains(setting.substring(OVERRIDE_PREFIX.length()))) {
                throw new IllegalStateException(setting + " overrides " + setting.substring(OVERRIDE_PREFIX.length())
                        + ", which no function of the template declares");
            }
        }
    }
}
