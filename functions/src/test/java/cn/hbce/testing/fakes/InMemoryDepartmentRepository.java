package cn.hbce.testing.fakes;

import cn.hbce.common.paging.CursorCodec;
import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import cn.hbce.org.departments.Department;
import cn.hbce.org.departments.DepartmentRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link DepartmentRepository} over the {@link FakeTable}: a name claim per org taken when free (or
 * already the taker's), moved only from the stale holder, released only by its holder; edits at
 * the expected version.
 */
public final class InMemoryDepartmentRepository implements DepartmentRepository {
    private final FakeTable t;

    public InMemoryDepartmentRepository(FakeTable table) {
        this.t = table;
    }

    @Override
    public Page<Department> list(String orgId, PageRequest page) {
        List<Department> all;
        synchronized (t.lock) {
            all = List.copyOf(of(orgId).values());
        }
        return FakePages.readAhead(all, Department::deptId, CursorCodec.scope("org-items", "ORG#" + orgId, "DEPT#"),
                page.limit(), page.cursor());
    }

    @Override
    public Optional<Department> get(String orgId, String deptId) {
        synchronized (t.lock) {
            return Optional.ofNullable(of(orgId).get(deptId));
        }
    }

    @Override
    public boolean claimName(String orgId, String nameKey, String deptId, Instant now) {
        synchronized (t.lock) {
            FakeTable.NameClaimRow held = names(orgId).get(nameKey);
            if (held != null && !held.deptId().equals(deptId)) {
                return false;
            }
            names(orgId).put(nameKey, new FakeTable.NameClaimRow(deptId, now));
            return true;
        }
    }

    @Override
    public Optional<NameClaim> nameClaim(String orgId, String nameKey) {
        synchronized (t.lock) {
            return Optional.ofNullable(names(orgId).get(nameKey)).map(c -> new NameClaim(c.deptId(), c.claimedAt()));
        }
    }

    @Override
    public boolean takeOverName(String orgId, String nameKey, String staleHolder, String deptId, Instant now) {
        synchronized (t.lock) {
            FakeTable.NameClaimRow held = names(orgId).get(nameKey);
            if (held == null || !held.deptId().equals(staleHolder)) {
                return false;
            }
            names(orgId).put(nameKey, new FakeTable.NameClaimRow(deptId, now));
            return true;
        }
    }

    @Override
    public void releaseName(String orgId, String nameKey, String deptId) {
        synchronized (t.lock) {
            FakeTable.NameClaimRow held = names(orgId).get(nameKey);
            if (held != null && held.deptId().equals(deptId)) {
                names(orgId).remove(nameKey);
            }
        }
    }

    @Override
    public void create(Department department) {
        t.faults.check("DepartmentRepository.create");
        synchronized (t.lock) {
            if (of(department.orgId()).putIfAbsent(department.deptId(), department) != null) {
                throw FakeTable.conditionFailed("department " + department.deptId() + " exists");
            }
        }
    }

    @Override
    public boolean update(Department updated, long expectedVersion) {
        synchronized (t.lock) {
            Department d = of(updated.orgId()).get(updated.deptId());
            if (d == null || d.version() != expectedVersion) {
                return false;
            }
            of(updated.orgId()).put(updated.deptId(), updated);
            return true;
        }
    }

    @Override
    public Optional<Department> delete(String orgId, String deptId) {
        synchronized (t.lock) {
            return Optional.ofNullable(of(orgId).remove(deptId));
        }
    }

    private TreeMap<String, Department> of(String orgId) {
        return t.departments.computeIfAbsent(orgId, k -> new TreeMap<>());
    }

    private Map<String, FakeTable.NameClaimRow> names(String orgId) {
        return t.departmentNames.computeIfAbsent(orgId, k -> new HashMap<>());
    }
}
