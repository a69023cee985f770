package cn.hbce.certificates;

/**
 * Where a certificate stands. {@code ISSUING} is the short state between taking the person's year
 * (the item exists, so nobody else issues) and owning a number; nobody outside sees it, and the
 * next call of the issuer finishes it. {@code VALID} and {@code REVOKED} are what the contract shows.
 */
public enum CertificateStatus {
    ISSUING,
    VALID,
    REVOKED
}
