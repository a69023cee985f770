package cn.hbce.hours;

import java.util.Optional;

/**
 * The id of the certificate (valid or not) a person holds for a year, shown on the annual status.
 * Hours only reads it; certificates own it and fill this port in when they are wired.
 */
public interface CertificateLookup {

    Optional<String> certificateIdFor(String personId, int year);

    /** No certificates yet: the annual status leaves {@code certificateId} out. */
    CertificateLookup NONE = (personId, year) -> Optional.empty();
}
