package cn.hbce.hours.adapter;

import cn.hbce.common.aws.Item;
import cn.hbce.common.json.JsonMapper;
import cn.hbce.hours.Category;
import cn.hbce.hours.Declaration;
import cn.hbce.hours.DeclarationRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Declarations at {@code HOURSDECL#{declarationId} / META}; the accepted trainees as one JSON
 * attribute (500 trainees are some 60 KB, well inside an item).
 */
public final class DynamoDeclarationRepository implements DeclarationRepository {
    private static final TypeReference<List<Declaration.Trainee>> TRAINEES = new TypeReference<>() { };
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDeclarationRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void create(Declaration d) {
        try {
            Map<String, AttributeValue> item = Item.create("HOURSDECL#" + d.declarationId(), "META")
                    .put("entity", "HOURS_DECLARATION")
                    .put("declarationId", d.declarationId())
                    .put("orgId", d.orgId())
                    .put("orgName", d.orgName())
                    .put("year", d.year())
                    .put("category", d.category().name())
                    .put("activityType", d.activityType())
                    .put("courseTitle", d.courseTitle())
                    .put("startDate", d.startDate().toString())
                    .put("endDate", d.endDate().toString())
                    .put("planId", d.planId())
                    .put("trainees", JsonMapper.MAPPER.writeValueAsString(d.trainees()))
                    .put("reviewId", d.reviewId())
                    .put("declaredBy", d.declaredBy())
                    .put("declaredAt", d.declaredAt().toString())
                    .put("applied", false)
                    .asMap();
            item.put("hours", AttributeValue.fromN(DynamoHoursItems.number(d.hours())));
            dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<Declaration> get(String declarationId) {
        var raw = dynamo.getItem(g -> g.tableName(table).key(Item.key("HOURSDECL#" + declarationId, "META")).consistentRead(true)).item();
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        Item i = Item.of(raw);
        try {
            return Optional.of(new Declaration(i.str("declarationId"), i.str("orgId"), i.str("orgName"), (int) i.num("year", 0),
                    Category.valueOf(i.str("category")), i.str("activityType"), i.str("courseTitle"),
                    Double.parseDouble(raw.get("hours").n()), LocalDate.parse(i.str("startDate")),
                    LocalDate.parse(i.str("endDate")), i.str("planId"), JsonMapper.MAPPER.readValue(i.str("trainees"), TRAINEES),
                    i.str("reviewId"), i.str("declaredBy"), Instant.parse(i.str("declaredAt")), i.bool("applied")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("declaration " + declarationId + " unreadable", e);
        }
    }

    @Override
    public boolean markApplied(String declarationId) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(Item.key("HOURSDECL#" + declarationId, "META"))
                    .updateExpression("SET applied = :t")
                    .conditionExpression("applied = :f")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true), ":f", AttributeValue.fromBool(false))));
            return true;
        } catch (ConditionalCheckFailedException already) {
            return false;
        }
    }
}
