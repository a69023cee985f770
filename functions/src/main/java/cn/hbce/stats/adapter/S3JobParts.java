package cn.hbce.stats.adapter;

import cn.hbce.common.json.JsonMapper;
import cn.hbce.stats.JobPart;
import cn.hbce.stats.JobParts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Parts at {@code stats-jobs/{job}/{segment}-{chunk}.json} in the bucket: a Map state's results are
 * limited to 256 KB, and a segment of a province holds figures of thousands of orgs.
 */
public final class S3JobParts implements JobParts {
    static final String PREFIX = "stats-jobs/";
    private final S3Client s3;
    private final String bucket;

    public S3JobParts(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String job, int segment, int chunk, JobPart part) {
        try {
            byte[] body = JsonMapper.MAPPER.writeValueAsBytes(part);
            s3.putObject(p -> p.bucket(bucket).key(PREFIX + job + "/" + segment + "-" + chunk + ".json")
                    .contentType("application/json"), RequestBody.fromBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<JobPart> all(String job) {
        List<JobPart> out = new ArrayList<>();
        for (S3Object o : keys(job)) {
            try (var in = s3.getObject(g -> g.bucket(bucket).key(o.key()))) {
                out.add(JsonMapper.MAPPER.readValue(in, JobPart.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    @Override
    public void delete(String job) {
        for (S3Object o : keys(job)) {
            s3.deleteObject(d -> d.bucket(bucket).key(o.key()));
        }
    }

    private List<S3Object> keys(String job) {
        List<S3Object> out = new ArrayList<>();
        String token = null;
        do {
            String continuation = token;
            ListObjectsV2Response page = s3.listObjectsV2(l -> l.bucket(bucket).prefix(PREFIX + job + "/")
                    .continuationToken(continuation));
            out.addAll(page.contents());
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return out;
    }
}
