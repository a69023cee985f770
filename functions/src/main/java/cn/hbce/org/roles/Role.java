package cn.hbce.org.roles;

import java.time.Instant;
import java.util.Set;

/**
 * 角色: a named set of permissions an org grants to its admins. {@code assignedCount} is how many
 * admin seats of the org hold the role (see {@link RoleService} for why it is kept).
 */
public record Role(
        String orgId,
        String roleId,
        String name,
        Set<String> permissions,
        long assignedCount,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Role edited(String newName, Set<String> newPermissions, Instant now) {
        return new Role(orgId, roleId, newName, Set.copyOf(newPermissions), assignedCount, version + 1, createdAt, now);
    }
}
