package cn.hbce.common.files;

/**
 * A file as the things it is attached to show it: what a reviewer needs to pick it from a list,
 * and the route that hands out its download link (the files route decides who may have one).
 */
public record AttachedFile(String fileId, String fileName, String contentType, long size) {

    /** The API route answering a short-lived presigned GET for this file. */
    public String downloadUrl() {
        return "/v1/files/" + fileId + "/download";
    }

    /** As a review's detail stores it (plain JSON values), with the download route. */
    public java.util.Map<String, Object> asMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("fileId", fileId);
        m.put("fileName", fileName);
        m.put("contentType", contentType);
        m.put("size", size);
        m.put("downloadUrl", downloadUrl());
        return m;
    }
}
