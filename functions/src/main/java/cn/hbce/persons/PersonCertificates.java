package cn.hbce.persons;

import java.time.Instant;
import java.util.List;

/** The certificates (VALID or REVOKED) a person holds, for the profile; implemented over the certificates feature. */
public interface PersonCertificates {

    record Held(String certificateId, String certificateNo, int year, String status, double totalHours, Instant issuedAt) {
    }

    List<Held> of(String personId);
}
