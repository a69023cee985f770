package cn.hbce.persons;

import cn.hbce.common.paging.Page;
import java.util.List;
import java.util.Optional;

/** Professionals by the org they belong to, and the org tree below an org. */
public interface PersonDirectory {

    /** An org of a subtree: id and name. */
    record OrgName(String orgId, String name) {
    }

    /** {@code orgId} and every org below it, breadth first, at most {@code max} (a bigger tree is cut, never scanned). */
    List<OrgName> subtree(String orgId, int max);

    /**
     * APPROVED professionals of the given orgs, in that order of orgs; {@code q} filters by a part of
     * the name. The cursor is sealed for {@code scope}.
     */
    Page<PersonRow> approvedMembers(List<OrgName> orgs, Optional<String> q, int limit, Optional<String> cursor, String scope);
}
