package cn.hbce.testing.fakes;

import cn.hbce.certificates.Certificate;
import cn.hbce.certificates.CertificateRepository;
import cn.hbce.certificates.CertificateStatus;
import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@link CertificateRepository} in memory, each method one atomic step as each conditional write is
 * on the table; lists are one page (tests of paging run on dynalite).
 */
public final class InMemoryCertificateRepository implements CertificateRepository {
    private final Map<String, Certificate> byPersonYear = new HashMap<>();
    private final Map<String, String> numbers = new HashMap<>();
    private final Map<Integer, Long> hints = new HashMap<>();

    private static String key(String personId, int year) {
        return personId + "#" + year;
    }

    @Override
    public synchronized Optional<Certificate> find(String personId, int year) {
        return Optional.ofNullable(byPersonYear.get(key(personId, year)));
    }

    @Override
    public synchronized Optional<Certificate> byId(String certificateId) {
        return byPersonYear.values().stream().filter(c -> c.certificateId().equals(certificateId)).findFirst();
    }

    @Override
    public synchronized Optional<Certificate> byVerifyCode(String verifyCode) {
        return byPersonYear.values().stream().filter(Certificate::visible)
                .filter(c -> c.verifyCode().equals(verifyCode)).findFirst();
    }

    @Override
    public synchronized boolean claimYear(Certificate issuing) {
        return byPersonYear.putIfAbsent(key(issuing.personId(), issuing.year()), issuing) == null;
    }

    @Override
    public synchronized long highestNumberHint(int year) {
        return hints.getOrDefault(year, 0L);
    }

    @Override
    public synchronized void raiseNumberHint(int year, long sequence) {
        hints.merge(year, sequence, Math::max);
    }

    @Override
    public synchronized boolean moveNumberAttempt(String personId, int year, long from, long to) {
        return change(personId, year, c -> c.status() == CertificateStatus.ISSUING && c.numberAttempt() == from
                ? with(c, CertificateStatus.ISSUING, null, to) : null);
    }

    @Override
    public synchronized boolean claimNumber(int year, long sequence, String certificateId) {
        return numbers.putIfAbsent(year + "#" + sequence, certificateId) == null;
    }

    @Override
    public synchronized Optional<String> numberHolder(int year, long sequence) {
        return Optional.ofNullable(numbers.get(year + "#" + sequence));
    }

    @Override
    public synchronized boolean completeIssue(Certificate issuing, long sequence, String certificateNo) {
        return change(issuing.personId(), issuing.year(), c -> c.status() == CertificateStatus.ISSUING && c.numberAttempt() == sequence
                ? with(c, CertificateStatus.VALID, certificateNo, sequence) : null);
    }

    @Override
    public synchronized boolean revoke(String personId, int year, Instant at) {
        return change(personId, year, c -> c.status() != CertificateStatus.VALID ? null
                : new Certificate(c.certificateId(), c.personId(), c.year(), CertificateStatus.REVOKED, c.certificateNo(),
                c.numberAttempt(), c.verifyCode(), c.name(), c.idCardMasked(), c.unitOrgId(), c.unitName(), c.orgPath(),
                c.publicHours(), c.professionalHours(), c.issuer(), c.issuedAt(), at, c.revision()));
    }

    @Override
    public synchronized boolean revalidate(String personId, int year, double publicHours, double professionalHours, Instant at) {
        return change(personId, year, c -> c.status() != CertificateStatus.REVOKED ? null
                : new Certificate(c.certificateId(), c.personId(), c.year(), CertificateStatus.VALID, c.certificateNo(),
                c.numberAttempt(), c.verifyCode(), c.name(), c.idCardMasked(), c.unitOrgId(), c.unitName(), c.orgPath(),
                publicHours, professionalHours, c.issuer(), c.issuedAt(), null, c.revision() + 1));
    }

    @Override
    public synchronized Page<Certificate> ofPerson(String personId, PageRequest page) {
        return new Page<>(byPersonYear.values().stream().filter(Certificate::visible)
                .filter(c -> c.personId().equals(personId)).sorted(Comparator.comparingInt(Certificate::year))
                .limit(page.limit()).toList(), null);
    }

    @Override
    public synchronized Page<Certificate> underPath(String pathPrefix, Filter filter, PageRequest page) {
        List<Certificate> rows = byPersonYear.values().stream().filter(Certificate::visible)
                .filter(c -> c.orgPath().startsWith(pathPrefix))
                .filter(c -> filter.year().map(y -> y == c.year()).orElse(true))
                .filter(c -> filter.status().map(s -> s == c.status()).orElse(true))
                .filter(c -> filter.text().map(t -> c.name().contains(t) || t.equals(c.certificateNo())).orElse(true))
                .sorted(Comparator.comparing(c -> c.orgPath() + c.year() + "#" + c.certificateId()))
                .limit(page.limit()).toList();
        return new Page<>(rows, null);
    }

    /** Every certificate number taken, by year and sequence (tests check there are no gaps). */
    public synchronized Map<String, String> numbersTaken() {
        return Map.copyOf(numbers);
    }

    private boolean change(String personId, int year, UnaryOperator<Certificate> update) {
        Certificate before = byPersonYear.get(key(personId, year));
        Certificate after = before == null ? null : update.apply(before);
        if (after == null) {
            return false;
        }
        byPersonYear.put(key(personId, year), after);
        return true;
    }

    private static Certificate with(Certificate c, CertificateStatus status, String number, long attempt) {
        return new Certificate(c.certificateId(), c.personId(), c.year(), status, number, attempt, c.verifyCode(), c.name(),
                c.idCardMasked(), c.unitOrgId(), c.unitName(), c.orgPath(), c.publicHours(), c.professionalHours(),
                c.issuer(), c.issuedAt(), c.revokedAt(), c.revision());
    }
}
