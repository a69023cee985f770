package cn.hbce.common.http;

/** Who did something and from where: the facts every audit record carries. */
public record RequestMeta(String requestId, String sourceIp, String actorPersonId, String actorOrgId) {

    public RequestMeta asActor(String personId, String orgId) {
        return new RequestMeta(requestId, sourceIp, personId, orgId);
    }
}
