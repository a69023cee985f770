package cn.hbce.emulator.dynamodb;

import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Table lifecycle helpers that work against dynalite and real DynamoDB alike. */
public final class Tables {

    private static final long MAX_POLL_MILLIS = 500;

    private Tables() {
    }

    /**
     * Blocks until {@code table} is ACTIVE and each of its global secondary indexes is ACTIVE.
     * CreateTable returns while the table is still CREATING, and writes to it fail until then.
     *
     * @throws IllegalStateException if that does not happen within {@code timeout}
     */
    public static void waitForTableActive(DynamoDbClient client, String table, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pollMillis = 20;
        String lastState = "not found";
        while (true) {
            try {
                TableDescription description = client.describeTable(b -> b.tableName(table)).table();
                if (isActive(description)) {
                    return;
                }
                lastState = describeState(description);
            } catch (ResourceNotFoundException e) {
                lastState = "not found";
            }
            if (System.nanoTime() >= deadline) {
                throw new IllegalStateException("Table " + table + " did not become ACTIVE within " + timeout
                        + " (last state: " + lastState + ")");
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for table " + table, e);
            }
            pollMillis = Math.min(pollMillis * 2, MAX_POLL_MILLIS);
        }
    }

    private static boolean isActive(TableDescription description) {
        return description.tableStatus() == TableStatus.ACTIVE
                && description.globalSecondaryIndexes().stream()
                        .allMatch(index -> index.indexStatus() == IndexStatus.ACTIVE);
    }

    private static String describeState(TableDescription description) {
        StringBuilder state = new StringBuilder(String.valueOf(description.tableStatusAsString()));
        for (GlobalSecondaryIndexDescription index : description.globalSecondaryIndexes()) {
            state.append(", ").append(index.indexName()).append('=').append(index.indexStatusAsString());
        }
        return state.toString();
    }
}
