package cn.hbce.emulator.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Pins down where dynalite differs from DynamoDB, so application code does not depend on it by accident. */
class DynaliteCompatibilityIT {

    private static final String TABLE = "hbce-test";
    private static final Map<String, AttributeValue> KEY = Map.of(
            "PK", AttributeValue.fromS("ORG#1"), "SK", AttributeValue.fromS("PROFILE"));

    private static DynaliteServer server;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        server = DynaliteServer.start(0, Optional.empty());
        client = DynamoDbTestClients.client(server.endpoint());
        DynaliteServerIT.createTable(client);
        Tables.waitForTableActive(client, TABLE, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void transactionsAreNotImplemented() {
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> client.transactWriteItems(
                b -> b.transactItems(t -> t.put(p -> p.tableName(TABLE).item(KEY)))));
        assertEquals("UnknownOperationException", e.awsErrorDetails().errorCode());
    }

    @Test
    void timeToLiveCannotBeEnabled() {
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> client.updateTimeToLive(
                b -> b.tableName(TABLE).timeToLiveSpecification(t -> t.enabled(true).attributeName("expiresAt"))));
        assertEquals("UnknownOperationException", e.awsErrorDetails().errorCode());
    }

    @Test
    void reservedWordsInExpressionsAreRejectedAsByDynamoDb() {
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> client.updateItem(b -> b.tableName(TABLE)
                .key(KEY)
                .updateExpression("SET status = :s")
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("APPROVED")))));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertTrue(e.getMessage().contains("reserved keyword"), e.getMessage());
    }

    @Test
    void signaturesAreNotVerified() {
        try (DynamoDbClient wrongKeys = DynamoDbClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("other", "wrong")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {
            assertTrue(wrongKeys.listTables().tableNames().contains(TABLE));
        }
    }
}
