package cn.hbce.devserver.iam;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IAM actions of a path-style S3 request ({@code /bucket/key?subresource}), as S3 authorizes
 * them: HeadObject needs s3:GetObject, CopyObject s3:GetObject on the source and s3:PutObject on
 * the target, the parts of a multipart upload s3:PutObject, a multi-object delete s3:DeleteObject
 * on every key. A request the mapping does not know fails loudly rather than passing.
 */
public final class S3Requests {
    private static final Pattern DELETE_KEY = Pattern.compile("<Key>(.*?)</Key>", Pattern.DOTALL);

    private S3Requests() {
    }

    public static List<AccessRequest> of(String method, String rawPath, String rawQuery, String copySource, byte[] body) {
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        String bucket = slash < 0 ? trimmed : trimmed.substring(0, slash);
        String key = slash < 0 ? "" : trimmed.substring(slash + 1);
        Map<String, String> query = query(rawQuery);
        String m = method.toUpperCase(Locale.ROOT);
        if (bucket.isEmpty()) {
            return List.of(new AccessRequest("s3:ListAllMyBuckets", "*"));
        }
        String bucketArn = "arn:aws:s3:::" + bucket;
        if (key.isEmpty()) {
            return bucketRequests(m, bucketArn, query, body);
        }
        String objectArn = bucketArn + "/" + key;
        List<AccessRequest> out = new ArrayList<>();
        switch (m) {
            case "GET", "HEAD" -> {
                if (query.containsKey("uploadId")) {
                    out.add(new AccessRequest("s3:ListMultipartUploadParts", objectArn));
                } else if (query.containsKey("tagging")) {
                    out.add(new AccessRequest(query.containsKey("versionId") ? "s3:GetObjectVersionTagging" : "s3:GetObjectTagging", objectArn));
                } else if (query.containsKey("acl")) {
                    out.add(new AccessRequest("s3:GetObjectAcl", objectArn));
                } else {
                    out.add(new AccessRequest(query.containsKey("versionId") ? "s3:GetObjectVersion" : "s3:GetObject", objectArn));
                }
            }
            case "PUT" -> {
                if (query.containsKey("tagging")) {
                    out.add(new AccessRequest("s3:PutObjectTagging", objectArn));
                } else if (query.containsKey("acl")) {
                    out.add(new AccessRequest("s3:PutObjectAcl", objectArn));
                } else {
                    if (copySource != null && !copySource.isBlank()) {
                        String source = URLDecoder.decode(copySource.replace("+", "%2B"), StandardCharsets.UTF_8);
                        source = source.startsWith("/") ? source.substring(1) : source;
                        int v = source.indexOf("?versionId=");
                        out.add(new AccessRequest(v < 0 ? "s3:GetObject" : "s3:GetObjectVersion",
                                "arn:aws:s3:::" + (v < 0 ? source : source.substring(0, v))));
                    }
                    out.add(new AccessRequest("s3:PutObject", objectArn));
                }
            }
            case "POST" -> out.add(new AccessRequest("s3:PutObject", objectArn));
            case "DELETE" -> out.add(new AccessRequest(query.containsKey("uploadId") ? "s3:AbortMultipartUpload"
                    : query.containsKey("tagging") ? "s3:DeleteObjectTagging"
                    : query.containsKey("versionId") ? "s3:DeleteObjectVersion" : "s3:DeleteObject", objectArn));
            default -> throw new IllegalArgumentException("S3 request not mapped to IAM locally: " + method + " " + rawPath);
        }
        return out;
    }

    private static List<AccessRequest> bucketRequests(String method, String bucketArn, Map<String, String> query, byte[] body) {
        Map<String, String> subresources = Map.of("cors", "BucketCORS", "location", "BucketLocation",
                "versioning", "BucketVersioning", "lifecycle", "LifecycleConfiguration", "policy", "BucketPolicy",
                "tagging", "BucketTagging", "acl", "BucketAcl", "encryption", "EncryptionConfiguration");
        for (var sub : subresources.entrySet()) {
            if (query.containsKey(sub.getKey())) {
                String verb = switch (method) {
                    case "GET", "HEAD" -> "Get";
                    case "PUT", "DELETE" -> "Put";
                    default -> throw new IllegalArgumentException("S3 request not mapped to IAM locally: " + method + " ?" + sub.getKey());
                };
                return List.of(new AccessRequest("s3:" + verb + sub.getValue(), bucketArn));
            }
        }
        return switch (method) {
            case "GET", "HEAD" -> List.of(new AccessRequest(query.containsKey("versions") ? "s3:ListBucketVersions"
                    : query.containsKey("uploads") ? "s3:ListBucketMultipartUploads" : "s3:ListBucket", bucketArn));
            case "PUT" -> List.of(new AccessRequest("s3:CreateBucket", bucketArn));
            case "DELETE" -> List.of(new AccessRequest("s3:DeleteBucket", bucketArn));
            // DeleteObjects: S3 authorizes s3:DeleteObject for each key of the request.
            case "POST" -> {
                if (!query.containsKey("delete")) {
                    throw new IllegalArgumentException("S3 request not mapped to IAM locally: POST " + bucketArn);
                }
                yield keys(body).stream().map(k -> new AccessRequest("s3:DeleteObject", bucketArn + "/" + k)).toList();
            }
            default -> throw new IllegalArgumentException("S3 request not mapped to IAM locally: " + method + " " + bucketArn);
        };
    }

    private static List<String> keys(byte[] body) {
        List<String> out = new ArrayList<>();
        Matcher m = DELETE_KEY.matcher(new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8));
        while (m.find()) {
            out.add(m.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&quot;", "\"").replace("&apos;", "'"));
        }
        return out;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
