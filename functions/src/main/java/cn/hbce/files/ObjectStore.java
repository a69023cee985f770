package cn.hbce.files;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The bucket, as the file use cases need it: presigned URLs and a few object operations. */
public interface ObjectStore {

    /** A URL the browser PUTs the bytes to, with the headers it must send exactly as given. */
    record Upload(String url, Map<String, String> headers, Instant expiresAt) {
    }

    /** A URL the browser GETs the bytes from. */
    record Download(String url, Instant expiresAt) {
    }

    /** What S3 knows of an object: its length, content type and version (null when unversioned). */
    record Head(long size, String contentType, String versionId) {
    }

    /** A presigned PUT for {@code key} that only accepts exactly this content type and length. */
    Upload presignPut(String key, String contentType, long size, Duration validFor);

    /** A presigned GET answering with this Content-Disposition and Content-Type. */
    Download presignGet(String key, String contentDisposition, String contentType, Duration validFor);

    Optional<Head> head(String key);

    /** The first {@code count} bytes (fewer when the object is shorter). */
    byte[] firstBytes(String key, int count);

    /** Copies within the bucket (content type kept). */
    void copy(String fromKey, String toKey);

    /** Deletes the object; with a version id that version itself (so rejected bytes are really gone). */
    void delete(String key, String versionId);
}
