package cn.hbce.common.aws;

import java.util.Map;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/**
 * Takes a request through the SDK's whole pipeline — marshalling, endpoint rules, credentials and
 * signing — and stops it just before it would be sent: SnapStart priming warms every class a real
 * call loads without reading data or opening a connection (which would be stale after a restore).
 */
public final class SdkPriming {
    private SdkPriming() {
    }

    /** Thrown by the interceptor in place of sending; carries no stack (it is expected). */
    static final class NotSent extends RuntimeException {
        NotSent() {
            super("priming request stopped before sending", null, false, false);
        }
    }

    private static final ExecutionInterceptor STOP_BEFORE_SENDING = new ExecutionInterceptor() {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            throw new NotSent();
        }
    };

    /** A consistent GetItem of a key no item has, marshalled and signed but never sent. */
    public static void dynamoGetItem(DynamoDbClient dynamo, String table) {
        GetItemRequest request = stopped(GetItemRequest.builder().tableName(table).consistentRead(true)
                .key(Map.of("PK", AttributeValue.fromS("PRIMING#"), "SK", AttributeValue.fromS("PRIMING#")))).build();
        expectNotSent(() -> dynamo.getItem(request));
    }

    /** A GetSecretValue, marshalled and signed but never sent: the secret stays unread. */
    public static void secretRead(SecretsManagerClient secrets, String secretArn) {
        GetSecretValueRequest request = stopped(GetSecretValueRequest.builder().secretId(secretArn)).build();
        expectNotSent(() -> secrets.getSecretValue(request));
    }

    @SuppressWarnings("unchecked")
    private static <B extends software.amazon.awssdk.awscore.AwsRequest.Builder> B stopped(B builder) {
        return (B) builder.overrideConfiguration(o -> o.addPlugin(config -> config.overrideConfiguration(
                config.overrideConfiguration().toBuilder().addExecutionInterceptor(STOP_BEFORE_SENDING).build())));
    }

    private static void expectNotSent(Runnable call) {
        try {
            call.run();
        } catch (NotSent expected) {
            return;
        }
        throw new IllegalStateException("A priming request was sent");
    }
}
