package cn.hbce.materials;

import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Materials, their earlier versions, and the index entries each org's lists read. */
public interface MaterialRepository {

    /** Stores a new material with an entry in its org's own list and one in each of {@code reportedTo}'s. */
    void create(Material material);

    Optional<Material> get(String materialId);

    /** The materials that exist among these ids (any order). */
    List<Material> getAll(Collection<String> materialIds);

    /**
     * Keeps {@code before} as history and stores {@code after} if the material is still at
     * {@code before.version()}; false when it is stale or gone. Index entries follow
     * {@code after.reportedTo()}.
     */
    boolean update(Material before, Material after);

    /** Removes the material (then its entries and history); empty when there was none. */
    Optional<Material> delete(String materialId);

    /** Earlier versions, oldest first. */
    List<MaterialVersion> history(String materialId);

    /** Ids of the org's own materials (one page). */
    Page<String> ownIds(String orgId, PageRequest page);

    /** Ids of materials reported to the org from below (one page). */
    Page<String> reportedIds(String orgId, PageRequest page);
}
