package cn.hbce.org;

import java.util.Optional;

/**
 * Questions about the org tree answered by walking up from an org: each org points at its parent
 * (or supervising department), so "is X under Y" is a walk of a few GetItems, never a scan.
 */
public final class OrgTree {
    /** Deeper than any real tree (province → city → county → unit); a longer walk means a broken tree. */
    static final int MAX_DEPTH = 16;
    private final OrgRepository orgs;

    public OrgTree(OrgRepository orgs) {
        this.orgs = orgs;
    }

    /**
     * True if {@code org} is {@code ancestorOrgId} or lies below it. A chain that does not end within
     * {@link #MAX_DEPTH} steps counts as inside, so a corrupted tree errs on the side of refusing a move.
     */
    public boolean isWithin(String ancestorOrgId, Org org) {
        Optional<Org> current = Optional.of(org);
        for (int depth = 0; current.isPresent() && depth < MAX_DEPTH; depth++) {
            if (current.get().orgId().equals(ancestorOrgId)) {
                return true;
            }
            String parent = current.get().parentOrgId();
            current = parent == null ? Optional.empty() : orgs.get(parent);
        }
        return current.isPresent();
    }

    /** As {@link #isWithin(String, Org)} for an org given by id; false when it does not exist. */
    public boolean isWithin(String ancestorOrgId, String orgId) {
        return orgId != null && orgs.get(orgId).map(o -> isWithin(ancestorOrgId, o)).orElse(false);
    }
}
