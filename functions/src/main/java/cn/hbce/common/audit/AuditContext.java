package cn.hbce.common.audit;

/**
 * Who did something and from where: the facts every audit record carries besides the action. The
 * web layer fills it from the request (request id, source address) and the signed-in person;
 * use cases that act for someone else (a registration creates its applicant) say so with {@link #asActor}.
 */
public record AuditContext(String requestId, String sourceIp, String actorPersonId, String actorOrgId) {

    public AuditContext asActor(String personId, String orgId) {
        return new AuditContext(requestId, sourceIp, personId, orgId);
    }

    /** What the platform does on its own (bootstrap, the approval workflow), under a made-up request id. */
    public static AuditContext system(String requestId) {
        return new AuditContext(requestId, null, "system", null);
    }
}
