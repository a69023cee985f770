package cn.hbce.emulator.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class DynaliteServerIT {

    private static final String TABLE = "hbce-test";

    @Test
    void startsInMemoryOnLoopbackAndStopsOnClose() {
        DynaliteServer server = DynaliteServer.start(0, Optional.empty());
        try (DynamoDbClient client = DynamoDbTestClients.client(server.endpoint())) {
            assertEquals("http", server.endpoint().getScheme());
            assertEquals("127.0.0.1", server.endpoint().getHost());
            assertTrue(client.listTables().tableNames().isEmpty());
        } finally {
            server.close();
        }
        server.close();

        assertThrows(ConnectException.class,
                () -> new Socket(InetAddress.getByName("127.0.0.1"), server.endpoint().getPort()).close());
    }

    @Test
    void tableWithGlobalIndexBecomesActiveAndDuplicatePutIsRejected() {
        try (DynaliteServer server = DynaliteServer.start(0, Optional.empty());
                DynamoDbClient client = DynamoDbTestClients.client(server.endpoint())) {
            TableDescription created = createTable(client);
            assertEquals(TableStatus.CREATING, created.tableStatus(), "CreateTable is asynchronous");

            Tables.waitForTableActive(client, TABLE, Duration.ofSeconds(10));

            TableDescription table = client.describeTable(b -> b.tableName(TABLE)).table();
            assertEquals(TableStatus.ACTIVE, table.tableStatus());
            assertEquals(IndexStatus.ACTIVE, table.globalSecondaryIndexes().get(0).indexStatus());

            Map<String, AttributeValue> item = item("ORG#1", "PROFILE", "ORGTYPE#DEPT", "湖北省人力资源和社会保障厅");
            client.putItem(b -> b.tableName(TABLE).item(item).conditionExpression("attribute_not_exists(PK)"));
            assertThrows(ConditionalCheckFailedException.class, () -> client.putItem(
                    b -> b.tableName(TABLE).item(item).conditionExpression("attribute_not_exists(PK)")));

            var byIndex = client.query(b -> b.tableName(TABLE).indexName("GSI1")
                    .keyConditionExpression("GSI1PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ORGTYPE#DEPT"))));
            assertEquals(1, byIndex.count());
            assertEquals("湖北省人力资源和社会保障厅", byIndex.items().get(0).get("name").s());
        }
    }

    @Test
    void onDiskStoreSurvivesRestartWithSameDirectory(@TempDir Path dataDir) {
        try (DynaliteServer server = DynaliteServer.start(0, Optional.of(dataDir));
                DynamoDbClient client = DynamoDbTestClients.client(server.endpoint())) {
            createTable(client);
            Tables.waitForTableActive(client, TABLE, Duration.ofSeconds(10));
            client.putItem(b -> b.tableName(TABLE).item(item("ORG#1", "PROFILE", "ORGTYPE#DEPT", "kept")));
        }

        try (DynaliteServer server = DynaliteServer.start(0, Optional.of(dataDir));
                DynamoDbClient client = DynamoDbTestClients.client(server.endpoint())) {
            var item = client.getItem(b -> b.tableName(TABLE).consistentRead(true).key(Map.of(
                    "PK", AttributeValue.fromS("ORG#1"), "SK", AttributeValue.fromS("PROFILE")))).item();
            assertEquals("kept", item.get("name").s());
        }
    }

    @Test
    void dataDirectoryInUseGivesClearError(@TempDir Path dataDir) {
        try (DynaliteServer running = DynaliteServer.start(0, Optional.of(dataDir))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> DynaliteServer.start(0, Optional.of(dataDir)).close());
            assertTrue(e.getMessage().contains("in use by another dynalite"), e.getMessage());
        }
    }

    @Test
    void inMemoryStoresAreIndependent() {
        try (DynaliteServer first = DynaliteServer.start(0, Optional.empty());
                DynamoDbClient firstClient = DynamoDbTestClients.client(first.endpoint())) {
            createTable(firstClient);
            try (DynaliteServer second = DynaliteServer.start(0, Optional.empty());
                    DynamoDbClient secondClient = DynamoDbTestClients.client(second.endpoint())) {
                assertTrue(secondClient.listTables().tableNames().isEmpty());
            }
        }
    }

    @Test
    void occupiedPortGivesClearError() throws IOException {
        try (ServerSocket occupied = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> DynaliteServer.start(occupied.getLocalPort(), Optional.empty()).close());
            assertTrue(e.getMessage().contains("already in use"), e.getMessage());
        }
    }

    @Test
    void missingNodeGivesClearError(@TempDir Path dir) {
        String previous = System.setProperty(NodeRuntime.NODE_PROPERTY, dir.resolve("node").toString());
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> DynaliteServer.start(0, Optional.empty()).close());
            assertTrue(e.getMessage().contains("Node.js is required"), e.getMessage());
        } finally {
            if (previous == null) {
                System.clearProperty(NodeRuntime.NODE_PROPERTY);
            } else {
                System.setProperty(NodeRuntime.NODE_PROPERTY, previous);
            }
        }
    }

    static TableDescription createTable(DynamoDbClient client) {
        return client.createTable(b -> b.tableName(TABLE)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(
                        a -> a.attributeName("PK").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("SK").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("GSI1PK").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("GSI1SK").attributeType(ScalarAttributeType.S))
                .keySchema(
                        k -> k.attributeName("PK").keyType(KeyType.HASH),
                        k -> k.attributeName("SK").keyType(KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName("GSI1")
                        .keySchema(
                                k -> k.attributeName("GSI1PK").keyType(KeyType.HASH),
                                k -> k.attributeName("GSI1SK").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL))))
                .tableDescription();
    }

    static Map<String, AttributeValue> item(String pk, String sk, String gsi1pk, String name) {
        return Map.of(
                "PK", AttributeValue.fromS(pk),
                "SK", AttributeValue.fromS(sk),
                "GSI1PK", AttributeValue.fromS(gsi1pk),
                "GSI1SK", AttributeValue.fromS(pk),
                "name", AttributeValue.fromS(name));
    }
}
