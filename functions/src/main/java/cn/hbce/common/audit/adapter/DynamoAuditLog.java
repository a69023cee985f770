package cn.hbce.common.audit.adapter;

import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;

import cn.hbce.common.aws.Item;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Audit records at {@code AUDIT#actorOrg#yyyy-MM / timestamp#uuid}, written once with
 * attribute_not_exists and never updated; {@code expireAt} keeps them three years.
 */
public final class DynamoAuditLog implements AuditLog {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.ofHours(8));
    private static final long RETENTION_SECONDS = 3L * 366 * 24 * 3600;
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAuditLog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void record(AuditRecord r) {
        String org = r.meta().actorOrgId() == null ? "-" : r.meta().actorOrgId();
        Item item = Item.create("AUDIT#" + org + "#" + MONTH.format(r.at()), r.at() + "#" + UUID.randomUUID())
                .put("entity", "AUDIT")
                .put("at", r.at().toString())
                .put("action", r.action())
                .put("actorPersonId", r.meta().actorPersonId())
                .put("actorOrgId", r.meta().actorOrgId())
                .put("sourceIp", r.meta().sourceIp())
                .put("requestId", r.meta().requestId())
                .put("targetType", r.targetType())
                .put("targetId", r.targetId())
                .put("result", r.result())
                .put("expireAt", r.at().getEpochSecond() + RETENTION_SECONDS);
        dynamo.putItem(p -> p.tableName(table).item(item.asMap()).conditionExpression("attribute_not_exists(PK)"));
    }
}
