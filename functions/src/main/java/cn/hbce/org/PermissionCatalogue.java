package cn.hbce.org;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The permissions a role can grant, from reference data. The super admin holds all of them plus
 * {@link #SUPER_ADMIN_ONLY}, which no role can grant.
 */
public final class PermissionCatalogue {
    public static final Set<String> SUPER_ADMIN_ONLY = Set.of("admins.manage", "roles.manage");
    private final List<Permission> permissions;

    public record Permission(String code, String name) {
    }

    private PermissionCatalogue(List<Permission> permissions) {
        this.permissions = List.copyOf(permissions);
    }

    public static PermissionCatalogue load() {
        try (InputStream in = PermissionCatalogue.class.getResourceAsStream("/reference/permissions.json")) {
            if (in == null) {
                throw new IllegalStateException("reference/permissions.json missing from the classpath");
            }
            return new PermissionCatalogue(new ObjectMapper().readValue(in, new TypeReference<List<Permission>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Permission> all() {
        return permissions;
    }

    public boolean grantable(String code) {
        return permissions.stream().anyMatch(p -> p.code().equals(code));
    }

    public Set<String> superAdminPermissions() {
        Set<String> all = new LinkedHashSet<>();
        permissions.forEach(p -> all.add(p.code()));
        all.addAll(SUPER_ADMIN_ONLY);
        return all;
    }
}
