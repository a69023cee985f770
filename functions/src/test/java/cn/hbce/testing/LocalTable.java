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
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
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

    private static GlobalSecondaryIndex index(String name) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(KeySchemaElement.builder().attributeName(name + "PK").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(name + "SK").keyType(KeyType.RANGE).build())
                .projection(p -> p.projectionType(ProjectionType.ALL))
                .build();
    }

    /** A fresh table with the key schema and indexes of template.yaml's Table. */
    public static String create() {
        String name = "t-" + UUID.randomUUID();
        client().createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName("PK").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("SK").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("GSI1PK").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("GSI1SK").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("GSI2PK").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("GSI2SK").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("GSI3PK").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("GSI3SK").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("PK").keyType("HASH"), k -> k.attributeName("SK").keyType("RANGE"))
                .globalSecondaryIndexes(index("GSI1"), index("GSI2"), index("GSI3")));
        Tables.waitForTableActive(client(), name, Duration.ofSeconds(30));
        return name;
    }
}
