package cn.hbce.org.departments;

import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import java.time.Instant;
import java.util.Optional;

/** Internal departments of an org, each key built inside the org's own partition. */
public interface DepartmentRepository {

    Page<Department> list(String orgId, PageRequest page);

    Optional<Department> get(String orgId, String deptId);

    /** Who holds a name of the org, and since when. */
    record NameClaim(String deptId, Instant claimedAt) {
    }

    /** Takes a name for {@code deptId}; false when another department holds it. */
    boolean claimName(String orgId, String nameKey, String deptId, Instant now);

    Optional<NameClaim> nameClaim(String orgId, String nameKey);

    /** Moves a stale claim from {@code staleHolder} to {@code deptId}; false when it changed meanwhile. */
    boolean takeOverName(String orgId, String nameKey, String staleHolder, String deptId, Instant now);

    /** Gives a name back, only if {@code deptId} still holds it. */
    void releaseName(String orgId, String nameKey, String deptId);

    void create(Department department);

    /** Stores the edit if the department is still at {@code expectedVersion}; false when stale or gone. */
    boolean update(Department updated, long expectedVersion);

    /** Removes the department and returns what it was; empty when there was none. */
    Optional<Department> delete(String orgId, String deptId);
}
