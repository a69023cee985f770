package cn.hbce.devserver;

import cn.hbce.emulator.dynamodb.DynaliteServer;
import cn.hbce.emulator.s3.S3ProxyServer;
import cn.hbce.emulator.secrets.SecretsManagerLocal;
import cn.hbce.emulator.sfn.LambdaInvoker;
import cn.hbce.emulator.sfn.StepFunctionsLocal;
import cn.hbce.emulator.sfn.StepFunctionsLocalConfig;
import java.net.URI;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The local AWS services the functions talk to, each on its own loopback port. */
final class LocalServices implements AutoCloseable {
    static final String ACCESS_KEY = "hbce-local";
    static final String SECRET_KEY = "hbce-local-secret";
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "000000000000";
    final DynaliteServer dynamo;
    final S3ProxyServer s3;
    final StepFunctionsLocal sfn;
    final SecretsManagerLocal secrets;

    private LocalServices(DynaliteServer dynamo, S3ProxyServer s3, StepFunctionsLocal sfn, SecretsManagerLocal secrets) {
        this.dynamo = dynamo;
        this.s3 = s3;
        this.sfn = sfn;
        this.secrets = secrets;
    }

    static LocalServices start(DevServerConfig config, LambdaInvoker lambdas, Clock clock) {
        DynaliteServer dynamo = DynaliteServer.start(config.dynamoPort(), config.dataDir().map(d -> d.resolve("dynamodb")));
        S3ProxyServer s3 = null;
        StepFunctionsLocal sfn = null;
        try {
            // Any signature: the IAM gate in front of it decides (functions sign with keys of their own).
            s3 = S3ProxyServer.startAcceptingAnySignature(config.s3Port(), config.dataDir().map(d -> d.resolve("s3")));
            DynamoDbClient tasksClient = DynamoDbClient.builder().endpointOverride(dynamo.endpoint())
                    .region(Region.of(REGION)).httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                    .build();
            var sfnConfig = StepFunctionsLocalConfig.builder().port(config.sfnPort()).lambdaInvoker(lambdas)
                    .dynamoDb(tasksClient).clock(clock).region(REGION).accountId(ACCOUNT);
            config.dataDir().ifPresent(d -> sfnConfig.dataDir(d.resolve("stepfunctions")));
            sfn = StepFunctionsLocal.start(sfnConfig.build());
            // In memory: the devserver creates the template's secrets on every start (values kept in HBCE_DATA_DIR).
            return new LocalServices(dynamo, s3, sfn, SecretsManagerLocal.start(0, REGION, ACCOUNT));
        } catch (RuntimeException e) {
            if (sfn != null) {
                sfn.close();
            }
            if (s3 != null) {
                s3.close();
            }
            dynamo.close();
            throw e;
        }
    }

    URI dynamoEndpoint() {
        return dynamo.endpoint();
    }

    URI s3Endpoint() {
        return s3.endpoint();
    }

    URI sfnEndpoint() {
        return sfn.endpoint();
    }

    URI secretsManagerEndpoint() {
        return secrets.endpoint();
    }

    /** Creates a string secret as CloudFormation would; returns its ARN (random suffix, as on AWS). */
    String createSecret(String name, String value) {
        try (SecretsManagerClient client = SecretsManagerClient.builder().endpointOverride(secrets.endpoint())
                .region(Region.of(REGION)).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build()) {
            return client.createSecret(r -> r.name(name).secretString(value)).arn();
        }
    }

    @Override
    public void close() {
        secrets.close();
        sfn.close();
        s3.close();
        dynamo.close();
    }
}
