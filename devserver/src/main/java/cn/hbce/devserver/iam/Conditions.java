package cn.hbce.devserver.iam;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The condition operators and keys the template uses, evaluated as IAM does. Anything else is
 * refused when the policies are loaded ({@link #requireSupported}), so a statement is never
 * silently read as broader or narrower than on AWS.
 */
final class Conditions {
    static final Set<String> OPERATORS = Set.of("StringEquals", "StringLike", "StringNotEquals", "StringNotLike");
    static final Set<String> KEYS = Set.of("dynamodb:LeadingKeys");

    private Conditions() {
    }

    static void requireSupported(String where, Map<String, Map<String, List<String>>> conditions) {
        conditions.forEach((qualified, keys) -> {
            String operator = qualified.contains(":") ? qualified.substring(qualified.indexOf(':') + 1) : qualified;
            String qualifier = qualified.contains(":") ? qualified.substring(0, qualified.indexOf(':')) : "";
            if (!OPERATORS.contains(operator) || !(qualifier.isEmpty() || qualifier.equals("ForAllValues")
                    || qualifier.equals("ForAnyValue"))) {
                throw new IllegalStateException(where + ": the local IAM check does not support the condition operator "
                        + qualified + " (supported: " + OPERATORS + ", optionally ForAllValues:/ForAnyValue:)");
            }
            keys.keySet().forEach(key -> {
                if (!KEYS.contains(key)) {
                    throw new IllegalStateException(where + ": the local IAM check does not support the condition key "
                            + key + " (supported: " + KEYS + ")");
                }
            });
        });
    }

    /** All conditions of the statement hold for the request (IAM ANDs operators and keys). */
    static boolean hold(Statement statement, AccessRequest request) {
        for (var op : statement.conditions().entrySet()) {
            String qualified = op.getKey();
            String qualifier = qualified.contains(":") ? qualified.substring(0, qualified.indexOf(':')) : "";
            String operator = qualified.contains(":") ? qualified.substring(qualified.indexOf(':') + 1) : qualified;
            for (var key : op.getValue().entrySet()) {
                List<String> present = request.context().get(key.getKey());
                if (present == AccessRequest.UNKNOWN) {
                    throw new IllegalStateException("The local IAM check cannot compute " + key.getKey() + " for "
                            + request.action() + " (statement " + statement.sid() + ")");
                }
                if (!holds(qualifier, operator, present == null ? List.of() : present, key.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean holds(String qualifier, String operator, List<String> present, List<String> wanted) {
        boolean negated = operator.startsWith("StringNot");
        boolean like = operator.endsWith("Like");
        switch (qualifier) {
            case "ForAllValues":
                // True when every value of the request matches; true as well when the request has none.
                return present.stream().allMatch(v -> negated != anyMatches(v, wanted, like));
            case "ForAnyValue":
                return present.stream().anyMatch(v -> negated != anyMatches(v, wanted, like));
            default:
                if (present.isEmpty()) {
                    // A missing key: the positive operators fail, the negated ones hold (IAM's rule).
                    return negated;
                }
                return present.stream().anyMatch(v -> negated != anyMatches(v, wanted, like));
        }
    }

    private static boolean anyMatches(String value, List<String> wanted, boolean like) {
        return wanted.stream().anyMatch(w -> like ? Wildcards.matches(w, value, false) : w.equals(value));
    }
}
