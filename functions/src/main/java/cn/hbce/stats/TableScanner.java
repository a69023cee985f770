package cn.hbce.stats;

import java.util.List;
import java.util.Map;

/**
 * One segment of a parallel scan of the table, a page at a time, returning only what the statistics
 * count: orgs (the tree), professionals (registration org, status, title), pending review steps,
 * and the hours records and certificates of the year counted.
 */
public interface TableScanner {

    sealed interface Row permits OrgRow, PersonRow, StepRow, HoursRow, CertificateRow {
    }

    record OrgRow(String orgId, String parentOrgId, String type, String name) implements Row {
    }

    record PersonRow(String personId, String regOrgId, String regStatus, String titleSeries, String titleLevel) implements Row {
    }

    /** An hours record of the year: {@code category} PUBLIC or PROFESSIONAL, {@code status} as recorded. */
    record HoursRow(String personId, String category, double hours, String status) implements Row {
    }

    /** A certificate of the year: {@code status} VALID, REVOKED or ISSUING. */
    record CertificateRow(String personId, String status) implements Row {
    }

    record StepRow(String orgId, String kind) implements Row {
    }

    /** {@code next} is where the next page starts (opaque, JSON-safe), or null after the segment's last page. */
    record Page(List<Row> rows, Map<String, String> next) {
    }

    /** A page of the segment; hours records and certificates only of {@code year}. */
    Page page(int segment, int totalSegments, int year, Map<String, String> start);
}
