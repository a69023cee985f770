package cn.hbce.devserver;

import cn.hbce.devserver.iam.BucketCors;
import cn.hbce.devserver.template.Intrinsics;
import cn.hbce.devserver.template.SamTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The buckets' {@code CorsConfiguration.CorsRules} of template.yaml as the local S3 answers them.
 * Locally the console's distribution is the devserver itself (it serves console/dist on the API's
 * port), so an origin naming the distribution's domain stands for the devserver's own origins
 * ({@code http://127.0.0.1:<port>} and {@code http://localhost:<port>}); every other origin (such as
 * FrontendOrigin, the Vite dev server) is taken as written.
 */
final class LocalBucketCors {
    private LocalBucketCors() {
    }

    @SuppressWarnings("unchecked")
    static BucketCors of(SamTemplate template, Intrinsics intrinsics, int consolePort) {
        Map<String, List<BucketCors.Rule>> rules = new LinkedHashMap<>();
        for (String id : template.resourcesOfType("AWS::S3::Bucket")) {
            Object cors = template.properties(id).get("CorsConfiguration");
            if (!(cors instanceof Map<?, ?> c) || !(c.get("CorsRules") instanceof List<?> list)) {
                continue;
            }
            List<BucketCors.Rule> bucketRules = new ArrayList<>();
            for (Object o : list) {
                Map<String, Object> rule = (Map<String, Object>) o;
                Set<String> origins = new LinkedHashSet<>();
                for (Object origin : (List<Object>) rule.getOrDefault("AllowedOrigins", List.of())) {
                    String resolved = intrinsics.string(origin);
                    if (resolved.endsWith(".cloudfront.invalid")) {
                        origins.add("http://127.0.0.1:" + consolePort);
                        origins.add("http://localhost:" + consolePort);
                    } else {
                        origins.add(resolved);
                    }
                }
                Set<String> methods = new LinkedHashSet<>();
                ((List<Object>) rule.getOrDefault("AllowedMethods", List.of())).forEach(m -> methods.add(String.valueOf(m)));
                int maxAge = rule.get("MaxAge") instanceof Number n ? n.intValue() : 0;
                bucketRules.add(new BucketCors.Rule(origins, methods, maxAge));
            }
            rules.put(intrinsics.string(Map.of("Ref", id)), bucketRules);
        }
        return new BucketCors(rules);
    }
}
