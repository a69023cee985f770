package cn.hbce.org;

import java.util.Optional;
import java.util.Set;

public interface RoleRepository {

    /** The permissions of an org's role, or empty when the role no longer exists. */
    Optional<Set<String>> permissions(String orgId, String roleId);
}
