package cn.hbce.certificates;

import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * Where certificates and their numbers are kept. Every change is one conditional write on one
 * item, so the rules hold without transactions: one certificate per person and year (the item's
 * key), one holder per number (a number item per year and sequence), and status moves guarded by
 * the status they start from.
 */
public interface CertificateRepository {

    Optional<Certificate> find(String personId, int year);

    Optional<Certificate> byId(String certificateId);

    Optional<Certificate> byVerifyCode(String verifyCode);

    /** Creates the person's certificate of the year in ISSUING; false when one exists (issued by another call). */
    boolean claimYear(Certificate issuing);

    /** The highest number known to be taken in the year (a hint: numbers above it may be taken too). */
    long highestNumberHint(int year);

    /** Raises the hint to {@code sequence} unless it is already at or above it. */
    void raiseNumberHint(int year, long sequence);

    /**
     * Moves the number an ISSUING certificate is about to claim from {@code from} to {@code to}, only
     * if it still says {@code from}: the certificate's claims of numbers happen one after the other
     * whoever makes them, so it never holds two. False when it moved meanwhile or is no longer ISSUING.
     */
    boolean moveNumberAttempt(String personId, int year, long from, long to);

    /** Takes number {@code sequence} of the year for the certificate; false when another holds it. */
    boolean claimNumber(int year, long sequence, String certificateId);

    /** Who holds number {@code sequence} of the year, if anyone. */
    Optional<String> numberHolder(int year, long sequence);

    /** ISSUING (at attempt {@code sequence}) → VALID with its number; false when another call finished it. */
    boolean completeIssue(Certificate issuing, long sequence, String certificateNo);

    /** VALID → REVOKED; false when it was not VALID. */
    boolean revoke(String personId, int year, Instant at);

    /** REVOKED → VALID with the hours that meet the rules again and a new revision (a new PDF); false when not REVOKED. */
    boolean revalidate(String personId, int year, double publicHours, double professionalHours, Instant at);

    Page<Certificate> ofPerson(String personId, PageRequest page);

    /** Certificates whose org path starts with {@code pathPrefix}, narrowed by the optional filters. */
    Page<Certificate> underPath(String pathPrefix, Filter filter, PageRequest page);

    record Filter(Optional<Integer> year, Optional<CertificateStatus> status, Optional<String> text) {
    }
}
