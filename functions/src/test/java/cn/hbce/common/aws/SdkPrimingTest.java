package cn.hbce.common.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Priming goes through the SDK's pipeline without sending anything; lazy clients are built on first call only. */
class SdkPrimingTest {

    @Test
    void primingMarshalsButSendsNoRequest() {
        try (RecordingEndpoint endpoint = new RecordingEndpoint(); var dynamo = endpoint.dynamo(); var secrets = endpoint.secrets()) {
            SdkPriming.dynamoGetItem(dynamo, "hbce-table");
            SdkPriming.secretRead(secrets, "arn:aws-cn:secretsmanager:cn-north-1:000000000000:secret:token");
            assertEquals(List.of(), endpoint.requests, "priming must neither read data nor the secret");

            // The same client still sends real requests afterwards (the stop is per priming request only).
            assertThrows(DynamoDbException.class, () -> dynamo.getItem(r -> r.tableName("hbce-table")
                    .key(Map.of("PK", AttributeValue.fromS("x"), "SK", AttributeValue.fromS("y")))));
            assertTrue(endpoint.requests.contains("POST DynamoDB_20120810.GetItem"), endpoint.requests.toString());
        }
    }

    @Test
    void aLazyClientIsBuiltOnItsFirstCallOnly() {
        try (RecordingEndpoint endpoint = new RecordingEndpoint()) {
            AtomicInteger builds = new AtomicInteger();
            DynamoDbClient lazy = LazyClient.dynamo(() -> {
                builds.incrementAndGet();
                return endpoint.dynamo();
            });
            lazy.close();
            assertEquals(0, builds.get(), "closing an unbuilt stand-in builds nothing");
            assertFalse(LazyClient.isBuilt(lazy));

            SdkPriming.dynamoGetItem(lazy, "hbce-table");
            SdkPriming.dynamoGetItem(lazy, "hbce-table");
            assertEquals(1, builds.get());
            assertTrue(LazyClient.isBuilt(lazy));
            // The SDK's own exceptions come through the stand-in unwrapped.
            assertThrows(DynamoDbException.class, () -> lazy.getItem(r -> r.tableName("hbce-table")
                    .key(Map.of("PK", AttributeValue.fromS("x"), "SK", AttributeValue.fromS("y")))));
            lazy.close();
        }
    }
}
