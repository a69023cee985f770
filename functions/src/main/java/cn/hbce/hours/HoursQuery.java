package cn.hbce.hours;

import java.util.List;
import java.util.Optional;

/**
 * Filters of the department's GET /v1/hours. {@code deptOrgIds} are the jurisdiction partitions the
 * caller may read (its own department and the departments below it); {@code onlyUnitOrgId} narrows
 * them to one org (the caller's own org when a unit asks, or the {@code unitOrgId} filter).
 */
public record HoursQuery(List<String> deptOrgIds, Optional<Integer> year, Optional<Category> category,
                         Optional<RecordStatus> status, Optional<String> onlyUnitOrgId, Optional<String> text,
                         int limit, Optional<String> cursor, String scopeOrgId) {
}
