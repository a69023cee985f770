package cn.hbce.stats;

import java.util.List;
import java.util.Map;

/**
 * One segment of a parallel scan of the table, a page at a time, returning only what the statistics
 * count: orgs (the tree), professionals (registration org, status, title) and pending review steps.
 */
public interface TableScanner {

    sealed interface Row permits OrgRow, PersonRow, StepRow {
    }

    record OrgRow(String orgId, String parentOrgId, String type, String name) implements Row {
    }

    record PersonRow(String regOrgId, String regStatus, String titleSeries, String titleLevel) implements Row {
    }

    record StepRow(String orgId, String kind) implements Row {
    }

    /** {@code next} is where the next page starts (opaque, JSON-safe), or null after the segment's last page. */
    record Page(List<Row> rows, Map<String, String> next) {
    }

    Page page(int segment, int totalSegments, Map<String, String> start);
}
