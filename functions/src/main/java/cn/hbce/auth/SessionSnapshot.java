package cn.hbce.auth;

import cn.hbce.account.AdminMembership;
import cn.hbce.account.Person;
import cn.hbce.account.Session;
import cn.hbce.org.Org;
import java.util.Optional;

/** Everything the authorizer needs about a token's session, read together. */
public record SessionSnapshot(Optional<Session> session, Optional<Person> person,
                              Optional<AdminMembership> membership, Optional<Org> org) {

    public interface Loader {
        SessionSnapshot load(TokenClaims claims);
    }
}
