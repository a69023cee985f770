package cn.hbce.common.aws;

import cn.hbce.common.config.Env;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The SDK clients, built once per container. Endpoints come from DYNAMODB_ENDPOINT, S3_ENDPOINT and
 * SFN_ENDPOINT when set (the local emulators); on AWS they are left to the SDK. Credentials are the
 * SDK's default chain on AWS; when a local host supplied the environment ({@link Env#isSupplied}),
 * they are that environment's {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, so every
 * request the function sends is signed with its own local identity and checked against its policies.
 */
public final class AwsClients {
    private static final SdkHttpClient HTTP = UrlConnectionHttpClient.builder().build();
    private static volatile DynamoDbClient dynamo;
    private static volatile S3Client s3;
    private static volatile S3Presigner presigner;
    private static volatile SfnClient sfn;
    private static volatile SecretsManagerClient secrets;

    private AwsClients() {
    }

    public static DynamoDbClient dynamo() {
        if (dynamo == null) {
            synchronized (AwsClients.class) {
                if (dynamo == null) {
                    var b = DynamoDbClient.builder().httpClient(HTTP).region(region()).credentialsProvider(credentials())
                            .overrideConfiguration(ClientOverrideConfiguration.builder().build());
                    endpoint("DYNAMODB_ENDPOINT").ifPresent(b::endpointOverride);
                    dynamo = b.build();
                }
            }
        }
        return dynamo;
    }

    public static S3Client s3() {
        if (s3 == null) {
            synchronized (AwsClients.class) {
                if (s3 == null) {
                    var b = S3Client.builder().httpClient(HTTP).region(region()).credentialsProvider(credentials());
                    endpoint("S3_ENDPOINT").ifPresent(e -> b.endpointOverride(e).forcePathStyle(true));
                    s3 = b.build();
                }
            }
        }
        return s3;
    }

    public static S3Presigner presigner() {
        if (presigner == null) {
            synchronized (AwsClients.class) {
                if (presigner == null) {
                    var b = S3Presigner.builder().region(region()).credentialsProvider(credentials());
                    endpoint("S3_ENDPOINT").ifPresent(e -> b.endpointOverride(e).serviceConfiguration(
                            software.amazon.awssdk.services.s3.S3Configuration.builder().pathStyleAccessEnabled(true).build()));
                    presigner = b.build();
                }
            }
        }
        return presigner;
    }

    public static SfnClient sfn() {
        if (sfn == null) {
            synchronized (AwsClients.class) {
                if (sfn == null) {
                    var b = SfnClient.builder().httpClient(HTTP).region(region()).credentialsProvider(credentials());
                    endpoint("SFN_ENDPOINT").ifPresent(b::endpointOverride);
                    sfn = b.build();
                }
            }
        }
        return sfn;
    }

    public static SecretsManagerClient secretsManager() {
        if (secrets == null) {
            synchronized (AwsClients.class) {
                if (secrets == null) {
                    var b = SecretsManagerClient.builder().httpClient(HTTP).region(region()).credentialsProvider(credentials());
                    endpoint("SECRETSMANAGER_ENDPOINT").ifPresent(b::endpointOverride);
                    secrets = b.build();
                }
            }
        }
        return secrets;
    }

    /** The current string value of a secret (by ARN); the caller keeps it, this does not cache. */
    public static String secretString(String secretArn) {
        return secretsManager().getSecretValue(r -> r.secretId(secretArn)).secretString();
    }

    /**
     * On Lambda the function role's keys are in the environment, except in a SnapStart snapshot, which
     * gets them from the container credentials endpoint. Keys in the environment are read straight
     * from it: the default chain finds the same keys, but only after building its six providers and
     * trying system properties first (about 40 classes and an exception on every cold start). Without
     * them, the default chain.
     */
    private static AwsCredentialsProvider credentials() {
        if (!Env.isSupplied()) {
            return Env.optional("AWS_ACCESS_KEY_ID").isPresent() ? EnvironmentVariableCredentialsProvider.create()
                    : DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                Env.required("AWS_ACCESS_KEY_ID"), Env.required("AWS_SECRET_ACCESS_KEY")));
    }

    private static Region region() {
        return Region.of(Env.optional("AWS_REGION").orElse("cn-north-1"));
    }

    private static Optional<URI> endpoint(String name) {
        return Env.optional(name).map(URI::create);
    }
}
