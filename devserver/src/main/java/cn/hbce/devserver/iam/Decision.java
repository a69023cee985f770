package cn.hbce.devserver.iam;

import java.util.List;

/**
 * IAM's evaluation of identity-based policies: an explicit Deny wins, then any Allow, else the
 * implicit deny. The message is AWS's own for the denial, naming the assumed role and session.
 */
public record Decision(boolean allowed, String message) {

    /** {@code role}: the function's execution role; {@code session}: the function's name. */
    public static Decision of(List<Statement> statements, AccessRequest request, String role, String session) {
        boolean allowed = false;
        for (Statement s : statements) {
            if (s.appliesTo(request)) {
                if (!s.allow()) {
                    return new Decision(false, denied(request, role, session, "with an explicit deny in an identity-based policy"));
                }
                allowed = true;
            }
        }
        return allowed ? new Decision(true, null)
                : new Decision(false, denied(request, role, session,
                        "because no identity-based policy allows the " + request.action() + " action"));
    }

    private static String denied(AccessRequest request, String role, String session, String reason) {
        return "User: arn:aws:sts::" + Identities.ACCOUNT + ":assumed-role/" + role + "/" + session
                + " is not authorized to perform: " + request.action() + " on resource: " + request.resource() + " " + reason;
    }
}
