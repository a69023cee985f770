package cn.hbce.emulator.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** The local Secrets Manager through the real SDK client: what the functions and the devserver call. */
class SecretsManagerLocalIT {
    private static SecretsManagerLocal server;
    private static SecretsManagerClient client;

    @BeforeAll
    static void start() {
        server = SecretsManagerLocal.start(0, "us-east-1", "000000000000");
        client = SecretsManagerClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s"))).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void aCreatedSecretIsReadByArnAndByName() {
        String arn = client.createSecret(r -> r.name("app-signing-key").secretString("s3cr3t-value")).arn();
        assertTrue(arn.matches("arn:aws:secretsmanager:us-east-1:000000000000:secret:app-signing-key-[A-Za-z]{6}"), arn);
        var byArn = client.getSecretValue(r -> r.secretId(arn));
        assertEquals("s3cr3t-value", byArn.secretString());
        assertEquals(arn, byArn.arn());
        assertEquals("app-signing-key", byArn.name());
        assertTrue(byArn.versionStages().contains("AWSCURRENT"));
        assertEquals("s3cr3t-value", client.getSecretValue(r -> r.secretId("app-signing-key")).secretString());
        assertEquals(arn, client.describeSecret(r -> r.secretId(arn)).arn());
    }

    @Test
    void aNewValueReplacesTheOldAndNamesAreUnique() {
        String arn = client.createSecret(r -> r.name("rotating").secretString("first")).arn();
        client.putSecretValue(r -> r.secretId(arn).secretString("second"));
        assertEquals("second", client.getSecretValue(r -> r.secretId(arn)).secretString());
        assertThrows(ResourceExistsException.class, () -> client.createSecret(r -> r.name("rotating").secretString("x")));
    }

    @Test
    void anUnknownSecretIsNotFound() {
        assertThrows(ResourceNotFoundException.class, () -> client.getSecretValue(r -> r.secretId("nope")));
        assertThrows(ResourceNotFoundException.class, () -> client.getSecretValue(
                r -> r.secretId("arn:aws:secretsmanager:us-east-1:000000000000:secret:nope-AbCdEf")));
    }
}
