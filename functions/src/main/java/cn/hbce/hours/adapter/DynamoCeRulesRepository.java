package cn.hbce.hours.adapter;

import cn.hbce.common.aws.Item;
import cn.hbce.common.json.JsonMapper;
import cn.hbce.hours.ActivityType;
import cn.hbce.hours.CeRules;
import cn.hbce.hours.CeRulesRepository;
import cn.hbce.hours.YearRequirement;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A year's rules at {@code CERULES#{year} / META}, the activity types as JSON. */
public final class DynamoCeRulesRepository implements CeRulesRepository {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCeRulesRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private record Stored(double publicHours, double professionalHours, double totalHours, List<ActivityType> activityTypes,
                          String claimDeadline) {
    }

    @Override
    public Optional<CeRules> get(int year) {
        var item = dynamo.getItem(g -> g.tableName(table).key(Item.key("CERULES#" + year, "META")).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        try {
            Stored s = JsonMapper.MAPPER.readValue(Item.of(item).str("rules"), Stored.class);
            return Optional.of(new CeRules(year, new YearRequirement(s.publicHours(), s.professionalHours(), s.totalHours()),
                    s.activityTypes(), LocalDate.parse(s.claimDeadline())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rules of " + year + " unreadable", e);
        }
    }

    @Override
    public void put(CeRules rules) {
        try {
            String json = JsonMapper.MAPPER.writeValueAsString(new Stored(rules.required().publicHours(),
                    rules.required().professionalHours(), rules.required().totalHours(), rules.activityTypes(),
                    rules.claimDeadline().toString()));
            dynamo.putItem(p -> p.tableName(table).item(Item.create("CERULES#" + rules.year(), "META")
                    .put("entity", "CE_RULES").put("year", rules.year()).put("rules", json).asMap()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
