package cn.hbce.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface AccountRepository {

    Optional<String> personIdForIdCard(String idCard);

    Optional<Person> person(String personId);

    /** Reserves an ID number for a new person; false when someone holds it (pending, approved or admin). */
    boolean claimIdCard(String idCard, String personId);

    void releaseIdCard(String idCard, String personId);

    void createPerson(Person person);

    /** Counts one failed login and returns the guard after it, locking the account at the limit. */
    LoginGuard recordFailure(String personId, Instant now);

    void clearFailures(String personId);

    /** Stores a new password if the person is still at {@code expectedVersion}; false when stale. */
    boolean updatePassword(Person updated, long expectedVersion);

    List<AdminMembership> membershipsOf(String personId);

    Optional<AdminMembership> membership(String orgId, String adminId);

    void createMembership(AdminMembership membership);
}
