package cn.hbce.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface AccountRepository {

    Optional<String> personIdForIdCard(String idCard);

    Optional<Person> person(String personId);

    /**
     * Reserves an ID number for a new person; false when someone holds it (pending, approved or
     * admin). A claim whose registration was rejected is free to take.
     */
    boolean claimIdCard(String idCard, String personId);

    /** Frees the ID number of a rejected registration for a new one, keeping the rejected record. */
    void markClaimRejected(String idCard, String personId);

    /** PENDING → {@code outcome} for a professional's registration; false if it was no longer pending. */
    boolean decideRegistration(String personId, RegistrationStatus outcome);

    void releaseIdCard(String idCard, String personId);

    void createPerson(Person person);

    /**
     * Reserves one password check of the account's window ({@link LoginGuard}); refused while the
     * account is locked or every place of the open window is taken.
     */
    AttemptReservation reserveLoginAttempt(String personId, Instant now);

    /** After a wrong password: locks the account once its window is used up; true for the one write that locked it. */
    boolean lockIfAttemptsUsed(String personId, AttemptReservation reserved, Instant now);

    /** A correct password: forgets the window's attempts. */
    void clearFailures(String personId);

    /** Stores a stronger hash of the same password, unless the stored hash has changed meanwhile. */
    boolean replacePasswordHash(String personId, String oldHash, String newHash);

    /** Stores a new password if the person is still at {@code expectedVersion}; false when stale. */
    boolean updatePassword(Person updated, long expectedVersion);

    List<AdminMembership> membershipsOf(String personId);

    Optional<AdminMembership> membership(String orgId, String adminId);

    void createMembership(AdminMembership membership);
}
