package cn.hbce.materials;

import cn.hbce.files.FileSummary;
import java.time.Instant;
import java.util.List;

/** An earlier version of a material, as its history shows it: who wrote it when, and its files. */
public record MaterialVersion(long version, Instant updatedAt, String updatedBy, MaterialType type, String title,
                              String remark, List<FileSummary> files) {

    public MaterialVersion {
        files = List.copyOf(files);
    }
}
