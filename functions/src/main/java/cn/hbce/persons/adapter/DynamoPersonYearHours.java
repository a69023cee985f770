package cn.hbce.persons.adapter;

import cn.hbce.common.aws.BatchReads;
import cn.hbce.common.aws.Item;
import cn.hbce.hours.YearTotals;
import cn.hbce.persons.PersonYearHours;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The yearly summary item {@code PERSON#{personId} / HOURSYEAR#{year}} (entity PERSON_YEAR_HOURS):
 * publicHours, professionalHours, updatedAt. It sits in the person's partition, so a profile reads
 * every year with one Query and a page of the person query reads its rows' year with BatchGetItem.
 */
public final class DynamoPersonYearHours implements PersonYearHours {
    static final String PREFIX = "HOURSYEAR#";
    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoPersonYearHours(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public void put(String personId, int year, YearTotals totals) {
        Map<String, AttributeValue> item = new HashMap<>(Item.key("PERSON#" + personId, PREFIX + year));
        item.put("entity", Item.s("PERSON_YEAR_HOURS"));
        item.put("personId", Item.s(personId));
        item.put("year", Item.n(year));
        item.put("publicHours", number(totals.publicHours()));
        item.put("professionalHours", number(totals.professionalHours()));
        item.put("updatedAt", Item.s(clock.instant().toString()));
        dynamo.putItem(p -> p.tableName(table).item(item));
    }

    @Override
    public YearTotals of(String personId, int year) {
        var item = dynamo.getItem(g -> g.tableName(table).key(Item.key("PERSON#" + personId, PREFIX + year)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? YearTotals.NONE : totals(item);
    }

    @Override
    public Map<String, YearTotals> ofPersons(Collection<String> personIds, int year) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String id : new LinkedHashSet<>(personIds)) {
            keys.add(Item.key("PERSON#" + id, PREFIX + year));
        }
        Map<String, YearTotals> out = new HashMap<>();
        for (var item : BatchReads.all(dynamo, table, keys, false)) {
            out.put(item.get("personId").s(), totals(item));
        }
        return out;
    }

    @Override
    public Map<Integer, YearTotals> years(String personId) {
        Map<Integer, YearTotals> out = new HashMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamo.query(q -> q.tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                    .expressionAttributeValues(Map.of(":pk", Item.s("PERSON#" + personId), ":sk", Item.s(PREFIX)))
                    .exclusiveStartKey(from));
            for (var item : page.items()) {
                out.put(Integer.parseInt(item.get("year").n()), totals(item));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private static YearTotals totals(Map<String, AttributeValue> item) {
        return new YearTotals(Double.parseDouble(item.get("publicHours").n()), Double.parseDouble(item.get("professionalHours").n()));
    }

    private static AttributeValue number(double v) {
        return AttributeValue.fromN(BigDecimal.valueOf(v).stripTrailingZeros().toPlainString());
    }
}
