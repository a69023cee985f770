package cn.hbce.files;

/** A file as the things it is attached to show it: {@code {fileId, fileName, contentType, size}}. */
public record FileSummary(String fileId, String fileName, String contentType, long size) {

    static FileSummary of(StoredFile f) {
        return new FileSummary(f.fileId(), f.fileName(), f.contentType(), f.size());
    }
}
