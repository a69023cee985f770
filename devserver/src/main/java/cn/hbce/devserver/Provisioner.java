package cn.hbce.devserver;

import cn.hbce.devserver.template.SamTemplate;
import cn.hbce.emulator.dynamodb.DynaliteServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/** Creates the template's DynamoDB tables and S3 buckets on the local services, as CloudFormation would. */
final class Provisioner {
    private Provisioner() {
    }

    static String tableName(String logicalId) {
        return "hbce-" + logicalId.toLowerCase(Locale.ROOT);
    }

    static String bucketName(String logicalId) {
        return "hbce-" + logicalId.toLowerCase(Locale.ROOT);
    }

    static void createTables(SamTemplate template, DynamoDbClient dynamo) {
        for (String id : template.resourcesOfType("AWS::DynamoDB::Table")) {
            Map<String, Object> p = template.properties(id);
            String name = tableName(id);
            List<GlobalSecondaryIndex> gsis = new ArrayList<>();
            for (Object g : list(p.get("GlobalSecondaryIndexes"))) {
                Map<String, Object> gsi = map(g);
                gsis.add(GlobalSecondaryIndex.builder()
                        .indexName(String.valueOf(gsi.get("IndexName")))
                        .keySchema(keySchema(gsi.get("KeySchema")))
                        .projection(Projection.builder().projectionType(String.valueOf(map(gsi.get("Projection")).get("ProjectionType"))).build())
                        .build());
            }
            try {
                dynamo.createTable(r -> {
                    r.tableName(name)
                            .billingMode(BillingMode.PAY_PER_REQUEST)
                            .attributeDefinitions(list(p.get("AttributeDefinitions")).stream().map(Provisioner::map)
                                    .map(a -> AttributeDefinition.builder().attributeName(String.valueOf(a.get("AttributeName")))
                                            .attributeType(String.valueOf(a.get("AttributeType"))).build())
                                    .toList())
                            .keySchema(keySchema(p.get("KeySchema")));
                    if (!gsis.isEmpty()) {
                        r.globalSecondaryIndexes(gsis);
                    }
                });
            } catch (ResourceInUseException exists) {
                // Kept from an earlier run with the same data directory.
            }
            DynaliteServer.waitForTableActive(dynamo, name, Duration.ofSeconds(30));
        }
    }

    static void createBuckets(SamTemplate template, S3Client s3) {
        for (String id : template.resourcesOfType("AWS::S3::Bucket")) {
            String name = bucketName(id);
            boolean exists = s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(name));
            if (!exists) {
                try {
                    s3.createBucket(r -> r.bucket(name));
                } catch (BucketAlreadyOwnedByYouException ignored) {
                    // Created concurrently: fine.
                }
            }
        }
    }

    private static List<KeySchemaElement> keySchema(Object raw) {
        return list(raw).stream().map(Provisioner::map)
                .map(k -> KeySchemaElement.builder().attributeName(String.valueOf(k.get("AttributeName")))
                        .keyType(String.valueOf(k.get("KeyType"))).build())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
