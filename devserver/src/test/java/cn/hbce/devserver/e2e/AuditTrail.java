package cn.hbce.devserver.e2e;

import cn.hbce.AppContext;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads this month's audit records the way an auditor would: by the acting org (null: no org) and target. */
final class AuditTrail {
    private AuditTrail() {
    }

    /** The actions recorded this month by {@code actorOrgId} (null for anonymous actors) on {@code targetId}. */
    static List<String> of(String actorOrgId, String targetId) {
        E2E.server();
        String month = DateTimeFormatter.ofPattern("yyyy-MM").format(ZonedDateTime.now(ZoneOffset.ofHours(8)));
        List<String> out = new ArrayList<>();
        var pages = cn.hbce.common.aws.AwsClients.dynamo().queryPaginator(q -> q
                .tableName(AppContext.get().config().auditTableName())
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk",
                        AttributeValue.fromS("AUDIT#" + (actorOrgId == null ? "-" : actorOrgId) + "#" + month))));
        pages.items().forEach(i -> {
            if (i.containsKey("targetId") && targetId.equals(i.get("targetId").s())) {
                out.add(i.get("action").s());
            }
        });
        return out;
    }
}
