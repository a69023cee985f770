package cn.hbce.devserver.iam;

import java.util.List;
import java.util.Map;

/**
 * One (action, resource) a request needs, as IAM evaluates it, with the request's condition keys
 * (e.g. {@code dynamodb:LeadingKeys}: the partition key values the request touches). A key the
 * request cannot supply is absent; {@link #UNKNOWN} marks one the local mapping cannot compute.
 */
public record AccessRequest(String action, String resource, Map<String, List<String>> context) {
    /** A context value meaning "present in the request, but not computed locally": conditions on it fail loudly. */
    public static final List<String> UNKNOWN = List.of("\u0000unknown");

    public AccessRequest(String action, String resource) {
        this(action, resource, Map.of());
    }
}
