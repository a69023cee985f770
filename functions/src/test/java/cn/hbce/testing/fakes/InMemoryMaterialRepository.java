package cn.hbce.testing.fakes;

import cn.hbce.common.paging.CursorCodec;
import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import cn.hbce.materials.Material;
import cn.hbce.materials.MaterialRepository;
import cn.hbce.materials.MaterialVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@link MaterialRepository} in memory: the version guard of edits and the own / reported-to entries. */
public final class InMemoryMaterialRepository implements MaterialRepository {
    private final Map<String, Material> materials = new LinkedHashMap<>();
    private final Map<String, TreeMap<Long, MaterialVersion>> history = new LinkedHashMap<>();
    private final Map<String, TreeSet<String>> own = new LinkedHashMap<>();
    private final Map<String, TreeSet<String>> reported = new LinkedHashMap<>();

    @Override
    public synchronized void create(Material m) {
        if (materials.putIfAbsent(m.materialId(), m) != null) {
            throw new IllegalStateException("material exists");
        }
        own.computeIfAbsent(m.orgId(), o -> new TreeSet<>()).add(m.materialId());
        m.reportedTo().forEach(o -> reported.computeIfAbsent(o, x -> new TreeSet<>()).add(m.materialId()));
    }

    @Override
    public synchronized Optional<Material> get(String materialId) {
        return Optional.ofNullable(materials.get(materialId));
    }

    @Override
    public synchronized List<Material> getAll(Collection<String> ids) {
        return ids.stream().distinct().map(materials::get).filter(Objects::nonNull).toList();
    }

    @Override
    public synchronized boolean update(Material before, Material after) {
        history.computeIfAbsent(before.materialId(), x -> new TreeMap<>()).put(before.version(), before.asVersion());
        Material current = materials.get(before.materialId());
        if (current == null || current.version() != before.version()) {
            return false;
        }
        materials.put(after.materialId(), after);
        before.reportedTo().forEach(o -> reported.getOrDefault(o, new TreeSet<>()).remove(after.materialId()));
        after.reportedTo().forEach(o -> reported.computeIfAbsent(o, x -> new TreeSet<>()).add(after.materialId()));
        return true;
    }

    @Override
    public synchronized Optional<Material> delete(String materialId) {
        Material m = materials.remove(materialId);
        if (m == null) {
            return Optional.empty();
        }
        own.getOrDefault(m.orgId(), new TreeSet<>()).remove(materialId);
        m.reportedTo().forEach(o -> reported.getOrDefault(o, new TreeSet<>()).remove(materialId));
        history.remove(materialId);
        return Optional.of(m);
    }

    @Override
    public synchronized List<MaterialVersion> history(String materialId) {
        return new ArrayList<>(history.getOrDefault(materialId, new TreeMap<>()).values());
    }

    @Override
    public synchronized Page<String> ownIds(String orgId, PageRequest page) {
        return FakePages.readAhead(List.copyOf(own.getOrDefault(orgId, new TreeSet<>())), id -> id,
                CursorCodec.scope("org-items", "ORG#" + orgId, "MAT#"), page.limit(), page.cursor());
    }

    @Override
    public synchronized Page<String> reportedIds(String orgId, PageRequest page) {
        return FakePages.readAhead(List.copyOf(reported.getOrDefault(orgId, new TreeSet<>())), id -> id,
                CursorCodec.scope("org-items", "ORG#" + orgId, "SUBMAT#"), page.limit(), page.cursor());
    }
}
