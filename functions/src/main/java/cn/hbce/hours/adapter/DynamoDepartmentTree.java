package cn.hbce.hours.adapter;

import cn.hbce.common.aws.Item;
import cn.hbce.hours.DepartmentTree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The departments under an org, breadth first through the children index
 * ({@code GSI1PK = CHILD#{orgId}, begins_with(GSI1SK, DEPARTMENT#)}): one Query per department of
 * the subtree (a province has a few hundred), never a Scan.
 */
public final class DynamoDepartmentTree implements DepartmentTree {
    /** More departments than a province has; a larger subtree means a broken tree. */
    private static final int MAX_DEPARTMENTS = 5000;
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDepartmentTree(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<String> departmentsUnder(String orgId) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(orgId));
        found.add(orgId);
        while (!todo.isEmpty() && found.size() < MAX_DEPARTMENTS) {
            String parent = todo.removeFirst();
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> exclusiveStart = start;
                QueryResponse page = dynamo.query(q -> q.tableName(table).indexName("GSI1")
                        .keyConditionExpression("GSI1PK = :pk AND begins_with(GSI1SK, :t)")
                        .expressionAttributeValues(Map.of(":pk", Item.s("CHILD#" + parent), ":t", Item.s("DEPARTMENT#")))
                        .exclusiveStartKey(exclusiveStart));
                for (var row : page.items()) {
                    String child = Item.of(row).str("orgId");
                    if (child != null && found.add(child)) {
                        todo.addLast(child);
                    }
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return new ArrayList<>(found);
    }
}
