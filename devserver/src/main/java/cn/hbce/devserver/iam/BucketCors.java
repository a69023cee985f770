package cn.hbce.devserver.iam;

import com.sun.net.httpserver.Headers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CORS answers of the local S3 for buckets whose template declares {@code CorsConfiguration}:
 * the console PUTs uploads to presigned URLs on another origin than its own, so the browser first
 * asks with a preflight {@code OPTIONS} and then reads the response only if it carries
 * {@code Access-Control-Allow-Origin}. S3 answers both from the bucket's CorsRules; S3Proxy behind
 * the gate knows none of them, so the gate does (only origins and methods a rule allows, as S3).
 *
 * @param rules bucket name → its rules
 */
public record BucketCors(Map<String, List<Rule>> rules) {

    /** One CorsRule: the origins (exact, or {@code *}), the methods, and the preflight cache seconds. */
    public record Rule(Set<String> origins, Set<String> methods, int maxAgeSeconds) {
        boolean allows(String origin, String method) {
            return (origins.contains("*") || origins.contains(origin)) && methods.contains(method);
        }
    }

    public BucketCors {
        rules = Map.copyOf(rules);
    }

    /** The rule of the bucket in {@code rawPath} (path-style: /bucket/key) that lets {@code origin} use {@code method}. */
    Optional<Rule> rule(String rawPath, String origin, String method) {
        String bucket = rawPath.replaceFirst("^/", "").split("/", 2)[0];
        return rules.getOrDefault(bucket, List.of()).stream().filter(r -> r.allows(origin, method)).findFirst();
    }

    /** A preflight: {@code OPTIONS} with Origin and Access-Control-Request-Method. */
    static boolean isPreflight(String method, Headers headers) {
        return "OPTIONS".equalsIgnoreCase(method) && headers.getFirst("Origin") != null
                && headers.getFirst("Access-Control-Request-Method") != null;
    }

    /** The headers of a preflight's answer, or empty when no rule allows it (S3 then answers 403). */
    Optional<Map<String, String>> preflight(String rawPath, Headers request) {
        String origin = request.getFirst("Origin");
        String method = request.getFirst("Access-Control-Request-Method");
        return rule(rawPath, origin, method).map(r -> Map.of(
                "Access-Control-Allow-Origin", origin,
                "Access-Control-Allow-Methods", String.join(", ", r.methods()),
                "Access-Control-Allow-Headers", Optional.ofNullable(request.getFirst("Access-Control-Request-Headers")).orElse(""),
                "Access-Control-Max-Age", String.valueOf(r.maxAgeSeconds()),
                "Vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method"));
    }

    /** The headers added to an actual request's answer when its origin is allowed. */
    Optional<Map<String, String>> actual(String rawPath, String method, Headers request) {
        String origin = request.getFirst("Origin");
        if (origin == null) {
            return Optional.empty();
        }
        return rule(rawPath, origin, method.toUpperCase(java.util.Locale.ROOT))
                .map(r -> Map.of("Access-Control-Allow-Origin", origin, "Access-Control-Expose-Headers", "ETag", "Vary", "Origin"));
    }
}
