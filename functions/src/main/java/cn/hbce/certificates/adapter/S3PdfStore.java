package cn.hbce.certificates.adapter;

import cn.hbce.certificates.PdfStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Certificate PDFs in the platform bucket under {@code certificates/} (the only prefix the
 * certificate function may write or read). The link names the file for the browser's download.
 */
public final class S3PdfStore implements PdfStore {
    private final Supplier<S3Client> s3;
    private final Supplier<S3Presigner> presigner;
    private final String bucket;

    public S3PdfStore(Supplier<S3Client> s3, Supplier<S3Presigner> presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    /**
     * A HEAD of the key. Without s3:ListBucket (not granted: the function needs no listing), S3
     * answers a missing key with 403 rather than 404; both mean "not drawn yet", and a real lack of
     * access then fails loudly at the PutObject that follows.
     */
    @Override
    public boolean exists(String key) {
        try {
            s3.get().headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404 || e.statusCode() == 403) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void put(String key, byte[] pdf) {
        s3.get().putObject(r -> r.bucket(bucket).key(key).contentType("application/pdf"), RequestBody.fromBytes(pdf));
    }

    @Override
    public Link presignedGet(String key, String downloadName, Duration validFor) {
        String disposition = "attachment; filename*=UTF-8''" + URLEncoder.encode(downloadName, StandardCharsets.UTF_8).replace("+", "%20");
        var signed = presigner.get().presignGetObject(p -> p.signatureDuration(validFor)
                .getObjectRequest(g -> g.bucket(bucket).key(key).responseContentDisposition(disposition)
                        .responseContentType("application/pdf")));
        return new Link(signed.url().toString(), signed.expiration());
    }
}
