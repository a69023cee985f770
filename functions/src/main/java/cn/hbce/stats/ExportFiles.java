package cn.hbce.stats;

import java.time.Duration;

/** Where exports are written and how they are fetched (S3 and a presigned GET). */
public interface ExportFiles {

    void put(String key, byte[] content, String contentType, String downloadName);

    String presignGet(String key, Duration validFor);
}
