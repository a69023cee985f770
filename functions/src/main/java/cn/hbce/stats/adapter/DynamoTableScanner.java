package cn.hbce.stats.adapter;

import cn.hbce.common.aws.Item;
import cn.hbce.stats.TableScanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Parallel Scan of the single table (the one place that scans: the statistics job, never a request).
 * A filter keeps orgs, professionals, pending steps and the year's hours records and certificates
 * ({@code year} is a number on both), and a projection only the attributes counted,
 * so the pages sent back are small; the read units are those of the whole segment either way.
 */
public final class DynamoTableScanner implements TableScanner {
    private final DynamoDbClient dynamo;
    private final String table;
    private final int pageSize;

    public DynamoTableScanner(DynamoDbClient dynamo, String table, int pageSize) {
        this.dynamo = dynamo;
        this.table = table;
        this.pageSize = pageSize;
    }

    @Override
    public Page page(int segment, int totalSegments, int year, Map<String, String> start) {
        Map<String, AttributeValue> exclusiveStart = null;
        if (start != null) {
            exclusiveStart = new HashMap<>();
            for (var e : start.entrySet()) {
                exclusiveStart.put(e.getKey(), Item.s(e.getValue()));
            }
        }
        Map<String, AttributeValue> from = exclusiveStart;
        var response = dynamo.scan(s -> s.tableName(table).segment(segment).totalSegments(totalSegments).limit(pageSize)
                .exclusiveStartKey(from)
                .filterExpression("(entity = :org AND SK = :meta) OR (entity = :person AND attribute_exists(regOrgId))"
                        + " OR (entity = :step AND #s = :pending) OR ((entity = :hours OR entity = :cert) AND #y = :year)")
                .projectionExpression("PK, SK, entity, orgId, parentOrgId, #t, #n, personId, regOrgId, regStatus, titleSeries,"
                        + " titleLevel, #k, #s, #y, category, hours")
                .expressionAttributeNames(Map.of("#t", "type", "#n", "name", "#k", "kind", "#s", "status", "#y", "year"))
                .expressionAttributeValues(Map.of(":org", Item.s("ORG"), ":meta", Item.s("META"), ":person", Item.s("PERSON"),
                        ":step", Item.s("REVIEW_STEP"), ":pending", Item.s("PENDING"), ":hours", Item.s("HOURS_RECORD"),
                        ":cert", Item.s("CERTIFICATE"), ":year", Item.n(year))));
        List<Row> rows = new ArrayList<>();
        for (var raw : response.items()) {
            Item i = Item.of(raw);
            switch (i.str("entity")) {
                case "ORG" -> rows.add(new OrgRow(i.str("orgId"), i.str("parentOrgId"), i.str("type"), i.str("name")));
                case "PERSON" -> rows.add(new PersonRow(personId(i), i.str("regOrgId"), i.str("regStatus"),
                        i.str("titleSeries"), i.str("titleLevel")));
                case "HOURS_RECORD" -> rows.add(new HoursRow(i.str("personId"), i.str("category"),
                        Double.parseDouble(raw.get("hours").n()), i.str("status")));
                case "CERTIFICATE" -> rows.add(new CertificateRow(i.str("personId"), i.str("status")));
                case "REVIEW_STEP" -> rows.add(new StepRow(i.str("orgId"), i.str("kind")));
                default -> { }
            }
        }
        Map<String, String> next = null;
        if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
            next = new HashMap<>();
            for (var e : response.lastEvaluatedKey().entrySet()) {
                next.put(e.getKey(), e.getValue().s());
            }
        }
        return new Page(rows, next);
    }

    /** The profile's personId, or the one in its key ({@code PERSON#{personId}}). */
    private static String personId(Item i) {
        String id = i.str("personId");
        String pk = i.str("PK");
        return id != null ? id : pk != null && pk.startsWith("PERSON#") ? pk.substring("PERSON#".length()) : null;
    }
}
