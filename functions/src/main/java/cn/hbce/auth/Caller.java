package cn.hbce.auth;

import cn.hbce.account.AdminMembership;
import cn.hbce.account.Person;
import cn.hbce.org.Org;
import cn.hbce.org.PermissionCatalogue;
import cn.hbce.org.RoleRepository;
import java.util.List;
import java.util.Set;

/** Works out what a signed-in person may do in the role they signed in with. */
public final class Caller {
    private final PermissionCatalogue catalogue;
    private final RoleRepository roles;

    public Caller(PermissionCatalogue catalogue, RoleRepository roles) {
        this.catalogue = catalogue;
        this.roles = roles;
    }

    public Set<String> permissions(AdminMembership membership) {
        if (membership == null) {
            return Set.of();
        }
        if (membership.superAdmin()) {
            return catalogue.superAdminPermissions();
        }
        if (membership.roleId() == null) {
            return Set.of();
        }
        return roles.permissions(membership.orgId(), membership.roleId()).orElse(Set.of()).stream()
                .filter(catalogue::grantable)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public LoginOutcome.UserView view(Person person, String userType, Org org, AdminMembership membership) {
        List<String> perms = permissions(membership).stream().sorted().toList();
        return new LoginOutcome.UserView(person.personId(), person.name(), userType,
                org == null ? null : org.orgId(), org == null ? null : org.name(),
                membership != null && membership.superAdmin(), perms);
    }
}
