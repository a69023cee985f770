package cn.hbce.materials;

import cn.hbce.files.FileSummary;
import java.time.Instant;
import java.util.List;

/**
 * 年度工作材料: one report of an org for a year, with its files. {@code reportedTo} are the orgs
 * above the submitting org when it was last written (each has an index entry, so its
 * {@code scope=subordinates} list finds the material without a scan); who may see it is decided on
 * the live org tree, not on this list.
 */
public record Material(
        String materialId,
        String orgId,
        String orgName,
        int year,
        MaterialType type,
        String title,
        String remark,
        List<FileSummary> files,
        long version,
        Instant submittedAt,
        Instant updatedAt,
        String updatedBy,
        List<String> reportedTo) {

    public static final String STATUS = "SUBMITTED";

    public Material {
        files = List.copyOf(files);
        reportedTo = List.copyOf(reportedTo);
    }

    /** The next version after an edit. */
    public Material edited(MaterialType newType, String newTitle, String newRemark, List<FileSummary> newFiles,
                           List<String> newReportedTo, String by, Instant now) {
        return new Material(materialId, orgId, orgName, year, newType, newTitle, newRemark, newFiles, version + 1,
                submittedAt, now, by, newReportedTo);
    }

    /** This version as history keeps it once a newer one exists. */
    public MaterialVersion asVersion() {
        return new MaterialVersion(version, updatedAt, updatedBy, type, title, remark, files);
    }
}
