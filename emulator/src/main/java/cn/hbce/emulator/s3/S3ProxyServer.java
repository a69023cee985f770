package cn.hbce.emulator.s3;

import cn.hbce.emulator.common.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * An S3-compatible server (S3Proxy) running inside this JVM on the loopback interface. Requests
 * must be signed with AWS signature version 4 using the credentials given to {@link #start};
 * buckets are addressed path-style ({@code http://127.0.0.1:PORT/bucket/key}).
 */
public final class S3ProxyServer implements AutoCloseable {

    private static final String TRANSIENT_PROVIDER = "transient";
    private static final String FILESYSTEM_PROVIDER = "filesystem";
    private static final String FILESYSTEM_BASEDIR = "jclouds.filesystem.basedir";

    private final S3Proxy proxy;
    private final BlobStore blobStore;
    private final URI endpoint;
    private final AtomicBoolean closed = new AtomicBoolean();

    private S3ProxyServer(S3Proxy proxy, BlobStore blobStore, URI endpoint) {
        this.proxy = proxy;
        this.blobStore = blobStore;
        this.endpoint = endpoint;
    }

    /**
     * Starts S3Proxy and returns once it accepts connections.
     *
     * @param port      the loopback port, or 0 for any free port
     * @param dataDir   empty for a transient in-memory store; otherwise a directory (created if
     *                  missing) holding one subdirectory per bucket, kept across restarts
     * @param accessKey the access key id clients must sign with
     * @param secretKey the secret access key clients must sign with
     */
    public static S3ProxyServer start(int port, Optional<Path> dataDir, String accessKey, String secretKey) {
        requireNonBlank(accessKey, "accessKey");
        requireNonBlank(secretKey, "secretKey");
        return start(port, dataDir, AuthenticationType.AWS_V4, accessKey, secretKey);
    }

    /**
     * Starts S3Proxy accepting any signature, for a caller that stands in front of it and decides
     * who may do what (the devserver's IAM check, whose functions sign with keys of their own).
     */
    public static S3ProxyServer startAcceptingAnySignature(int port, Optional<Path> dataDir) {
        return start(port, dataDir, AuthenticationType.NONE, null, null);
    }

    private static S3ProxyServer start(int port, Optional<Path> dataDir, AuthenticationType authentication,
                                       String accessKey, String secretKey) {
        LoopbackPorts.requireValid(port);
        Objects.requireNonNull(dataDir, "dataDir");
        QuietLogging.apply();

        BlobStore blobStore = dataDir.map(S3ProxyServer::filesystemStore).orElseGet(S3ProxyServer::transientStore);
        S3Proxy proxy = S3Proxy.builder()
                .endpoint(URI.create("http://" + LoopbackPorts.LOOPBACK_HOST + ":" + port))
                .awsAuthentication(authentication, accessKey, secretKey)
                .blobStore(blobStore)
                // Browsers upload and download through presigned URLs from the local web frontend,
                // whose origin varies between developers; the deployed bucket restricts it instead.
                .corsRules(new CrossOriginResourceSharing())
                // Jetty's graceful stop (30 s by default) waits for clients' idle keep-alive
                // connections on every close; an emulator can drop them at once.
                .stopTimeout(0)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            stopQuietly(proxy, blobStore, e);
            throw new IllegalStateException("Cannot start S3Proxy on 127.0.0.1:" + port
                    + (port != 0 && !LoopbackPorts.isFree(port) ? " (the port is already in use)" : "")
                    + ": " + e.getMessage(), e);
        }
        URI endpoint = URI.create("http://" + LoopbackPorts.LOOPBACK_HOST + ":" + proxy.getPort());
        return new S3ProxyServer(proxy, blobStore, endpoint);
    }

    /** The HTTP endpoint to pass to {@code S3Client.builder().endpointOverride(...)}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Stops the server and releases the store; a transient store's contents are lost. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop S3Proxy on " + endpoint, e);
        } finally {
            blobStore.close();
        }
    }

    private static BlobStore transientStore() {
        return BlobStores.create(TRANSIENT_PROVIDER, new Properties());
    }

    private static BlobStore filesystemStore(Path dir) {
        Path baseDir = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(baseDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the S3 data directory " + baseDir, e);
        }
        Properties properties = new Properties();
        properties.setProperty(FILESYSTEM_BASEDIR, baseDir.toString());
        return BlobStores.create(FILESYSTEM_PROVIDER, properties);
    }

    private static void stopQuietly(S3Proxy proxy, BlobStore blobStore, Exception cause) {
        try {
            proxy.stop();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
        try {
            blobStore.close();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static void requireNonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
