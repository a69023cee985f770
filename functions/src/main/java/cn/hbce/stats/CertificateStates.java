package cn.hbce.stats;

import java.util.Optional;

/** The status of a person's certificate of a year (VALID, REVOKED, ISSUING), as the certificates keep it. */
public interface CertificateStates {

    Optional<String> status(String personId, int year);
}
