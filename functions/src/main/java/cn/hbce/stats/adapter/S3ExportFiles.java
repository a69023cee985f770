package cn.hbce.stats.adapter;

import cn.hbce.stats.ExportFiles;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Export files in the bucket under {@code exports/}; the download keeps a readable Chinese file name. */
public final class S3ExportFiles implements ExportFiles {
    private final Supplier<S3Client> s3;
    private final Supplier<S3Presigner> presigner;
    private final String bucket;

    public S3ExportFiles(Supplier<S3Client> s3, Supplier<S3Presigner> presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, byte[] content, String contentType, String downloadName) {
        String disposition = "attachment; filename*=UTF-8''" + URLEncoder.encode(downloadName, StandardCharsets.UTF_8)
                .replace("+", "%20");
        s3.get().putObject(p -> p.bucket(bucket).key(key).contentType(contentType).contentDisposition(disposition),
                RequestBody.fromBytes(content));
    }

    @Override
    public String presignGet(String key, Duration validFor) {
        return presigner.get().presignGetObject(p -> p.signatureDuration(validFor)
                .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toString();
    }
}
