package cn.hbce.certificates;

import cn.hbce.org.Org;
import cn.hbce.org.OrgRepository;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * An org's place in the tree written as a path of ids from the root, {@code /o_root/o_dept/o_unit/}:
 * everything under an org has a path that starts with the org's own. A walk up of a few GetItems.
 */
public final class OrgPaths {
    static final int MAX_DEPTH = 16;
    private final OrgRepository orgs;

    public OrgPaths(OrgRepository orgs) {
        this.orgs = orgs;
    }

    /** Empty when the org does not exist or its chain does not end within {@link #MAX_DEPTH}. */
    public Optional<String> pathOf(String orgId) {
        Deque<String> ids = new ArrayDeque<>();
        Optional<Org> current = orgId == null ? Optional.empty() : orgs.get(orgId);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        for (int depth = 0; current.isPresent(); depth++) {
            if (depth >= MAX_DEPTH) {
                return Optional.empty();
            }
            ids.addFirst(current.get().orgId());
            String parent = current.get().parentOrgId();
            current = parent == null ? Optional.empty() : orgs.get(parent);
        }
        return Optional.of("/" + String.join("/", ids) + "/");
    }
}
