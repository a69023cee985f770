package cn.hbce.hours.adapter;

import cn.hbce.common.aws.Item;
import cn.hbce.hours.Category;
import cn.hbce.hours.HoursRecord;
import cn.hbce.hours.RecordSource;
import cn.hbce.hours.RecordStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Hours record items: {@code HOURS#{personId} / {year}#{recordId}}, listed per jurisdiction in GSI1
 * ({@code HOURSDEPT#{deptOrgId} / {year}#{createdMillis13}#{recordId}}).
 */
final class DynamoHoursItems {
    private DynamoHoursItems() {
    }

    static String pk(String personId) {
        return "HOURS#" + personId;
    }

    static String sk(int year, String recordId) {
        return year + "#" + recordId;
    }

    static Map<String, AttributeValue> key(String personId, int year, String recordId) {
        return Item.key(pk(personId), sk(year, recordId));
    }

    static Map<String, AttributeValue> toItem(HoursRecord r) {
        Item item = Item.create(pk(r.personId()), sk(r.year(), r.recordId()))
                .put("entity", "HOURS_RECORD")
                .put("recordId", r.recordId())
                .put("personId", r.personId())
                .put("name", r.name())
                .put("idCardMasked", r.idCardMasked())
                .put("unitOrgId", r.unitOrgId())
                .put("unitName", r.unitName())
                .put("deptOrgId", r.deptOrgId())
                .put("year", r.year())
                .put("category", r.category().name())
                .put("activityType", r.activityType())
                .put("title", r.title())
                .put("startDate", r.startDate().toString())
                .put("endDate", r.endDate().toString())
                .put("provider", r.provider())
                .put("status", r.status().name())
                .put("source", r.source().name())
                .put("reviewId", r.reviewId())
                .put("declarationId", r.declarationId())
                .put("createdAt", r.createdAt().toString())
                .put("searchText", r.name() + " " + r.title())
                .put("GSI1PK", "HOURSDEPT#" + r.deptOrgId())
                .put("GSI1SK", r.year() + "#" + String.format("%013d", r.createdAt().toEpochMilli()) + "#" + r.recordId());
        if (r.decidedAt() != null) {
            item.put("decidedAt", r.decidedAt().toString());
        }
        Map<String, AttributeValue> map = item.asMap();
        map.put("hours", AttributeValue.fromN(number(r.hours())));
        if (!r.evidenceFileIds().isEmpty()) {
            map.put("evidenceFileIds", AttributeValue.fromL(r.evidenceFileIds().stream().map(AttributeValue::fromS).toList()));
        }
        return map;
    }

    static HoursRecord fromItem(Map<String, AttributeValue> raw) {
        Item i = Item.of(raw);
        AttributeValue files = raw.get("evidenceFileIds");
        List<String> fileIds = files == null || !files.hasL() ? List.of() : files.l().stream().map(AttributeValue::s).toList();
        return new HoursRecord(i.str("recordId"), i.str("personId"), i.str("name"), i.str("idCardMasked"),
                i.str("unitOrgId"), i.str("unitName"), i.str("deptOrgId"), (int) i.num("year", 0),
                Category.valueOf(i.str("category")), i.str("activityType"), i.str("title"),
                Double.parseDouble(raw.get("hours").n()), LocalDate.parse(i.str("startDate")),
                LocalDate.parse(i.str("endDate")), i.str("provider"), RecordStatus.valueOf(i.str("status")),
                RecordSource.valueOf(i.str("source")), i.str("reviewId"), i.str("declarationId"), fileIds,
                Instant.parse(i.str("createdAt")), i.optStr("decidedAt").map(Instant::parse).orElse(null),
                i.str("deleteReason"));
    }

    /** Hours as DynamoDB numbers: 30 not 30.0, 1.5 as it is. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
