package cn.hbce.certificates;

import java.time.Instant;

/**
 * One person's certificate of one year (at most one: its key is the person and the year). The
 * holder's name, masked ID number, unit and the hours are a snapshot taken when it was issued (or
 * re-validated), which is what the PDF prints; {@code orgPath} is the unit's place in the org tree
 * at that time, the key of the jurisdiction list. {@code revision} counts re-validations: each
 * one has its own PDF. {@code numberAttempt} is the sequence number being claimed while ISSUING.
 */
public record Certificate(
        String certificateId,
        String personId,
        int year,
        CertificateStatus status,
        String certificateNo,
        long numberAttempt,
        String verifyCode,
        String name,
        String idCardMasked,
        String unitOrgId,
        String unitName,
        String orgPath,
        double publicHours,
        double professionalHours,
        String issuer,
        Instant issuedAt,
        Instant revokedAt,
        long revision) {

    public double totalHours() {
        return publicHours + professionalHours;
    }

    public boolean visible() {
        return status != CertificateStatus.ISSUING;
    }

    /** Where this revision's PDF lives in the bucket (its presence there is the cache: drawn once per revision). */
    public String pdfKeyForRevision() {
        return "certificates/" + certificateId + "/r" + revision + ".pdf";
    }
}
