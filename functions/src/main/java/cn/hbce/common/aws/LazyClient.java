package cn.hbce.common.aws;

import cn.hbce.common.Lazy;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A DynamoDB client that is built on its first call. Building one costs a few hundred
 * milliseconds (HTTP client, TLS trust store, endpoint rules); repositories are wired with this
 * stand-in, so a handler is constructed in milliseconds and a function pays for the client only
 * when it reads or writes. SnapStart priming makes that first call before the snapshot.
 *
 * <p>It is written out rather than a {@code java.lang.reflect.Proxy}: generating a proxy of the
 * client's interface (hundreds of methods) took about 110 ms of every cold start. It forwards the
 * data-plane operations the application uses (the builder-style overloads are the interface's own
 * default methods, which call these); any other operation fails loudly, never silently.
 */
public final class LazyClient {
    private LazyClient() {
    }

    public static DynamoDbClient dynamo(Supplier<DynamoDbClient> factory) {
        return new LazyDynamoDb(Lazy.of(factory));
    }

    /** False only for a stand-in whose real client has not been built yet. */
    public static boolean isBuilt(SdkClient client) {
        return !(client instanceof LazyDynamoDb lazy) || lazy.real.isPresent();
    }

    private static final class LazyDynamoDb implements DynamoDbClient {
        private final Lazy<DynamoDbClient> real;

        LazyDynamoDb(Lazy<DynamoDbClient> real) {
            this.real = real;
        }

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            return real.get().getItem(request);
        }

        @Override
        public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            return real.get().batchGetItem(request);
        }

        @Override
        public QueryResponse query(QueryRequest request) {
            return real.get().query(request);
        }

        @Override
        public ScanResponse scan(ScanRequest request) {
            return real.get().scan(request);
        }

        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            return real.get().putItem(request);
        }

        @Override
        public UpdateItemResponse updateItem(UpdateItemRequest request) {
            return real.get().updateItem(request);
        }

        @Override
        public DeleteItemResponse deleteItem(DeleteItemRequest request) {
            return real.get().deleteItem(request);
        }

        @Override
        public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            return real.get().batchWriteItem(request);
        }

        @Override
        public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest request) {
            return real.get().transactGetItems(request);
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            return real.get().transactWriteItems(request);
        }

        @Override
        public DynamoDbServiceClientConfiguration serviceClientConfiguration() {
            return real.get().serviceClientConfiguration();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
            if (real.isPresent()) {
                real.get().close();
            }
        }

        @Override
        public String toString() {
            return "LazyDynamoDbClient[" + (real.isPresent() ? "built" : "not built") + "]";
        }
    }
}
