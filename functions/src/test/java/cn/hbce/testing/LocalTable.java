package cn.hbce.testing;

import cn.hbce.emulator.dynamodb.DynaliteServer;
import cn.hbce.emulator.dynamodb.Tables;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** One dynalite per test JVM and a fresh table (the template's key schema) per caller. */
public final class LocalTable {
    private static DynaliteServer server;
    private static DynamoDbClient client;

    private LocalTable() {
    }

    public static synchronized DynamoDbClient client() {
        if (server == null) {
            server = DynaliteServer.start(0, Optional.empty());
            client = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                    .httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .build();
        }
        return client;
    }

    public static String create() {
        String name = "t-" + UUID.randomUUID();
        client().createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName("PK").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("SK").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("GSI1PK").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("GSI1SK").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("PK").keyType("HASH"), k -> k.attributeName("SK").keyType("RANGE"))
                .globalSecondaryIndexes(g -> g.indexName("GSI1")
                        .keySchema(k -> k.attributeName("GSI1PK").keyType("HASH"), k -> k.attributeName("GSI1SK").keyType("RANGE"))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        Tables.waitForTableActive(client(), name, Duration.ofSeconds(30));
        return name;
    }
}
