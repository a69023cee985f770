package cn.hbce.files.adapter;

import cn.hbce.files.ObjectStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * The materials bucket through the S3 SDK. The clients are asked for on first use (a function that
 * only presigns never builds an S3 client; presigning sends nothing). Presigned PUTs carry the
 * content type and length in their signed headers, so S3 refuses a body of another length or type.
 */
public final class S3ObjectStore implements ObjectStore {
    /** Headers the browser's fetch sets itself (and must not be asked to send). */
    private static final List<String> SET_BY_BROWSER = List.of("host", "content-length");
    private final Supplier<S3Client> s3;
    private final Supplier<S3Presigner> presigner;
    private final String bucket;

    public S3ObjectStore(Supplier<S3Client> s3, Supplier<S3Presigner> presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public Upload presignPut(String key, String contentType, long size, Duration validFor) {
        PresignedPutObjectRequest p = presigner.get().presignPutObject(r -> r.signatureDuration(validFor)
                .putObjectRequest(o -> o.bucket(bucket).key(key).contentType(contentType).contentLength(size)));
        Map<String, String> headers = new LinkedHashMap<>();
        p.signedHeaders().forEach((name, values) -> {
            if (!SET_BY_BROWSER.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(titleCase(name), String.join(",", values));
            }
        });
        // Stated for clients that set it by hand (curl); browsers send it from the body anyway.
        headers.put("Content-Length", Long.toString(size));
        return new Upload(p.url().toString(), headers, p.expiration());
    }

    /** {@code content-type} → {@code Content-Type}: how clients and the contract write header names. */
    private static String titleCase(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean start = true;
        for (char c : name.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == '-';
        }
        return out.toString();
    }

    @Override
    public Download presignGet(String key, String contentDisposition, String contentType, Duration validFor) {
        PresignedGetObjectRequest p = presigner.get().presignGetObject(r -> r.signatureDuration(validFor)
                .getObjectRequest(o -> o.bucket(bucket).key(key).responseContentDisposition(contentDisposition)
                        .responseContentType(contentType)));
        return new Download(p.url().toString(), p.expiration());
    }

    @Override
    public Optional<Head> head(String key) {
        try {
            var h = s3.get().headObject(r -> r.bucket(bucket).key(key));
            return Optional.of(new Head(h.contentLength(), h.contentType(), h.versionId()));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public byte[] firstBytes(String key, int count) {
        ResponseBytes<GetObjectResponse> bytes = s3.get().getObjectAsBytes(r -> r.bucket(bucket).key(key)
                .range("bytes=0-" + (count - 1)));
        byte[] all = bytes.asByteArray();
        return all.length <= count ? all : java.util.Arrays.copyOf(all, count);
    }

    @Override
    public void copy(String fromKey, String toKey) {
        s3.get().copyObject(r -> r.sourceBucket(bucket).sourceKey(fromKey).destinationBucket(bucket).destinationKey(toKey));
    }

    @Override
    public void delete(String key, String versionId) {
        s3.get().deleteObject(r -> r.bucket(bucket).key(key).versionId(versionId));
    }
}
