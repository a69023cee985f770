package cn.hbce.org;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The permissions a role can grant, from reference data. The super admin holds all of them plus
 * {@link #SUPER_ADMIN_ONLY}, which no role can grant.
 * The file is read with Jackson's streaming API: the authorizer loads the catalogue at its cold
 * start, and an {@code ObjectMapper} binding records would load some 400 more classes for 13 pairs.
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
            return new PermissionCatalogue(read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code [{"code": ..., "name": ...}, ...]}; anything else in the file is an error. */
    private static List<Permission> read(InputStream in) throws IOException {
        List<Permission> permissions = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(in)) {
            expect(p.nextToken() == JsonToken.START_ARRAY, "an array");
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String code = null;
                String name = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    expect(p.nextToken() == JsonToken.VALUE_STRING, "a string for " + field);
                    switch (field) {
                        case "code" -> code = p.getText();
                        case "name" -> name = p.getText();
                        default -> expect(false, "only code and name, not " + field);
                    }
                }
                expect(code != null && name != null, "code and name in every permission");
                permissions.add(new Permission(code, name));
            }
            expect(p.currentToken() == JsonToken.END_ARRAY, "permission objects only");
        }
        return permissions;
    }

    private static void expect(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("reference/permissions.json: expected " + what);
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
