package cn.hbce.devserver.iam;

import java.util.List;
import java.util.Map;

/**
 * An IAM policy statement with its intrinsics resolved: {@code actions} and {@code resources} are
 * patterns with {@code *} and {@code ?}; {@code conditions} maps an operator (with its optional
 * {@code ForAllValues:}/{@code ForAnyValue:} qualifier) to condition keys and their values.
 */
public record Statement(String sid, boolean allow, List<String> actions, List<String> resources,
                        Map<String, Map<String, List<String>>> conditions) {

    boolean appliesTo(AccessRequest request) {
        return actions.stream().anyMatch(a -> Wildcards.matches(a, request.action(), true))
                && resources.stream().anyMatch(r -> Wildcards.matches(r, request.resource(), false))
                && Conditions.hold(this, request);
    }
}
