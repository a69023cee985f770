package cn.hbce.account;

import java.time.Instant;

/**
 * Someone with a login: identified by the ID number, which never changes. {@code registration} is
 * the professional (专业技术人员) registration, absent for people who are only org admins.
 */
public record Person(
        String personId,
        String idCard,
        String name,
        String phone,
        String passwordHash,
        PersonRegistration registration,
        boolean disabled,
        boolean mustChangePassword,
        LoginGuard guard,
        long version,
        Instant createdAt) {

    public Person withPassword(String hash, boolean mustChange) {
        return new Person(personId, idCard, name, phone, hash, registration, disabled, mustChange, LoginGuard.CLEAR,
                version + 1, createdAt);
    }
}
