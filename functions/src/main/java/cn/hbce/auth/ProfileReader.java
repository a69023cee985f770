package cn.hbce.auth;

import cn.hbce.account.Person;
import cn.hbce.org.Org;
import java.util.Optional;

/** Reads what GET /v1/me shows — the person and the org they signed in to — together, in one request. */
public interface ProfileReader {

    record PersonAndOrg(Optional<Person> person, Optional<Org> org) {
    }

    /** {@code orgId} may be null (a person without an org seat): then only the person is read. */
    PersonAndOrg read(String personId, String orgId);
}
