package cn.hbce.devserver;

import cn.hbce.emulator.dynamodb.DynaliteServer;
import cn.hbce.emulator.s3.S3ProxyServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** The local AWS services the functions talk to, each on its own loopback port. */
final class LocalServices implements AutoCloseable {
    static final String ACCESS_KEY = "hbce-local";
    static final String SECRET_KEY = "hbce-local-secret";
    static final String REGION = "us-east-1";
    final DynaliteServer dynamo;
    final S3ProxyServer s3;

    private LocalServices(DynaliteServer dynamo, S3ProxyServer s3) {
        this.dynamo = dynamo;
        this.s3 = s3;
    }

    static LocalServices start(DevServerConfig config) {
        DynaliteServer dynamo = DynaliteServer.start(config.dynamoPort(), config.dataDir().map(d -> d.resolve("dynamodb")));
        S3ProxyServer s3;
        try {
            s3 = S3ProxyServer.start(config.s3Port(), config.dataDir().map(d -> d.resolve("s3")), ACCESS_KEY, SECRET_KEY);
        } catch (RuntimeException e) {
            dynamo.close();
            throw e;
        }
        return new LocalServices(dynamo, s3);
    }

    URI dynamoEndpoint() {
        return dynamo.endpoint();
    }

    URI s3Endpoint() {
        return s3.endpoint();
    }

    static Optional<Path> none() {
        return Optional.empty();
    }

    @Override
    public void close() {
        s3.close();
        dynamo.close();
    }
}
