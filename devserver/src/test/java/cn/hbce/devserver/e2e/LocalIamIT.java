package cn.hbce.devserver.e2e;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * The devserver's local services answer a function's request as AWS does under template.yaml's
 * policies: a request signed with a function's identity (its logical id as access key id, as the
 * devserver signs every call of the function) is refused with AWS's AccessDeniedException when its
 * statements do not allow the action on that resource, and served when they do.
 */
class LocalIamIT {
    private static final Map<String, AttributeValue> KEY = Map.of("PK", AttributeValue.fromS("ORG#none"),
            "SK", AttributeValue.fromS("PROFILE"));

    private static DynamoDbClient dynamoAs(String function) {
        return DynamoDbClient.builder().endpointOverride(endpoint("DynamoDB")).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(function, "any"))).build();
    }

    private static URI endpoint(String service) {
        return E2E.server().serviceEndpoints().get(service);
    }

    @Test
    void aReadOnlyFunctionMayReadTheTableButNotWriteItWithAwsOwnError() {
        try (DynamoDbClient getOrg = dynamoAs("GetOrgFunction")) {
            assertDoesNotThrow(() -> getOrg.getItem(r -> r.tableName("hbce-table").key(KEY)));
            DynamoDbException denied = assertThrows(DynamoDbException.class,
                    () -> getOrg.putItem(r -> r.tableName("hbce-table").item(KEY)));
            assertEquals(400, denied.statusCode());
            assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
            assertEquals("User: arn:aws:sts::000000000000:assumed-role/GetOrgFunctionRole/GetOrgFunction is not authorized "
                    + "to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:000000000000:table/hbce-table "
                    + "because no identity-based policy allows the dynamodb:PutItem action", denied.awsErrorDetails().errorMessage());
            DynamoDbException audit = assertThrows(DynamoDbException.class,
                    () -> getOrg.getItem(r -> r.tableName("hbce-audittable").key(KEY)));
            assertEquals("AccessDeniedException", audit.awsErrorDetails().errorCode());
        }
    }

    @Test
    void theAuthorizerMayOnlyDeleteSessionItems() {
        try (DynamoDbClient authorizer = dynamoAs("AuthorizerFunction")) {
            assertDoesNotThrow(() -> authorizer.deleteItem(r -> r.tableName("hbce-table")
                    .key(Map.of("PK", AttributeValue.fromS("SESSION#none"), "SK", AttributeValue.fromS("SESSION")))));
            DynamoDbException denied = assertThrows(DynamoDbException.class, () -> authorizer.deleteItem(r -> r.tableName("hbce-table")
                    .key(Map.of("PK", AttributeValue.fromS("PERSON#someone"), "SK", AttributeValue.fromS("PROFILE")))));
            assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
        }
    }

    @Test
    void onlyTheFunctionsThatSignOrVerifyReadTheTokenKey() {
        String arn = tokenSecretArn();
        try (SecretsManagerClient getOrg = secretsAs("GetOrgFunction"); SecretsManagerClient login = secretsAs("LoginFunction")) {
            assertDoesNotThrow(() -> login.getSecretValue(r -> r.secretId(arn)));
            SecretsManagerException denied = assertThrows(SecretsManagerException.class,
                    () -> getOrg.getSecretValue(r -> r.secretId(arn)));
            assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
        }
    }

    @Test
    void onlyTheSubmittingFunctionsStartTheApproval() {
        String machine = cn.hbce.AppContext.get().config().approvalStateMachineArn().orElseThrow();
        try (SfnClient getOrg = sfnAs("GetOrgFunction")) {
            SfnException denied = assertThrows(SfnException.class,
                    () -> getOrg.startExecution(r -> r.stateMachineArn(machine).input("{}")));
            assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
            assertEquals(400, denied.statusCode());
        }
    }

    @Test
    void keysThatNameNoFunctionPassUnchecked() {
        try (DynamoDbClient admin = dynamoAs("hbce-local")) {
            assertDoesNotThrow(() -> admin.getItem(r -> r.tableName("hbce-audittable").key(KEY)));
        }
    }

    private static String tokenSecretArn() {
        try (SecretsManagerClient admin = secretsAs("hbce-local")) {
            return admin.describeSecret(r -> r.secretId("hbce-tokensigningsecret")).arn();
        }
    }

    private static SecretsManagerClient secretsAs(String function) {
        return SecretsManagerClient.builder().endpointOverride(endpoint("SecretsManager")).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(function, "any"))).build();
    }

    private static SfnClient sfnAs(String function) {
        return SfnClient.builder().endpointOverride(endpoint("StepFunctions")).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(function, "any"))).build();
    }
}
