package cn.hbce.certificates;

import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.NotFound;
import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 电子证书查询打印: a person's own certificates, the certificates of persons in an admin's
 * jurisdiction (masked), the PDF (drawn once per revision, then kept in the bucket and handed out
 * as a short-lived link, every hand-out audited; the route writes nothing to the table) and the
 * public verification.
 *
 * <p>Jurisdiction lists match the org path stored with the certificate (its unit's place in the tree
 * when issued) against the caller's org path, and check every row again against the tree as it is
 * now, so a row of an org moved out of the caller's subtree is never shown.
 */
public final class CertificateService {
    public static final String VIEW_PERMISSION = "certificates.view";
    static final Duration LINK_LIFETIME = Duration.ofMinutes(5);
    private final CertificateRepository certificates;
    private final Holders holders;
    private final OrgPaths paths;
    private final PdfStore pdfs;
    private final AuditLog audit;
    private final Clock clock;
    private final String verifyUrlBase;

    public CertificateService(CertificateRepository certificates, Holders holders, OrgPaths paths, PdfStore pdfs,
                              AuditLog audit, Clock clock, String verifyUrlBase) {
        this.certificates = certificates;
        this.holders = holders;
        this.paths = paths;
        this.pdfs = pdfs;
        this.audit = audit;
        this.clock = clock;
        this.verifyUrlBase = verifyUrlBase;
    }

    /** A person's own certificate, with its verification code. */
    public record OwnView(String certificateId, String certificateNo, int year, String name, String idCardMasked,
                          String unitName, double publicHours, double professionalHours, double totalHours,
                          String status, Instant issuedAt, String verifyCode) {
        static OwnView of(Certificate c) {
            return new OwnView(c.certificateId(), c.certificateNo(), c.year(), c.name(), c.idCardMasked(), c.unitName(),
                    c.publicHours(), c.professionalHours(), c.totalHours(), c.status().name(), c.issuedAt(), c.verifyCode());
        }
    }

    /** A row of the jurisdiction list: masked, no verification code. */
    public record ListView(String certificateId, String certificateNo, String personId, String name, String idCardMasked,
                           String unitOrgId, String unitName, int year, double publicHours, double professionalHours,
                           double totalHours, String status, Instant issuedAt) {
        static ListView of(Certificate c) {
            return new ListView(c.certificateId(), c.certificateNo(), c.personId(), c.name(), c.idCardMasked(),
                    c.unitOrgId(), c.unitName(), c.year(), c.publicHours(), c.professionalHours(), c.totalHours(),
                    c.status().name(), c.issuedAt());
        }
    }

    /** What anyone holding the code learns: no ID number, no phone, the name masked. */
    public record Verification(boolean valid, String status, String certificateNo, String name, int year,
                               double totalHours, String issuer, Instant issuedAt) {
    }

    public record Query(Optional<Integer> year, Optional<String> text, Optional<String> unitOrgId,
                        Optional<CertificateStatus> status) {
    }

    public Page<OwnView> mine(Actor caller, PageRequest page) {
        Page<Certificate> found = certificates.ofPerson(caller.personId(), page);
        return found.withItems(found.items().stream().map(OwnView::of).toList());
    }

    public Page<ListView> list(Actor caller, Query query, PageRequest page) {
        String callerPath = paths.pathOf(caller.requireOrg()).orElseThrow(NotFound::new);
        String prefix = callerPath;
        if (query.unitOrgId().isPresent()) {
            Optional<String> unitPath = paths.pathOf(query.unitOrgId().get());
            if (unitPath.isEmpty() || !unitPath.get().startsWith(callerPath)) {
                return new Page<>(List.of(), null);
            }
            prefix = unitPath.get();
        }
        Page<Certificate> found = certificates.underPath(prefix,
                new CertificateRepository.Filter(query.year(), query.status(), query.text()), page);
        Map<String, Boolean> inside = new HashMap<>();
        List<ListView> rows = found.items().stream()
                .filter(c -> inside.computeIfAbsent(c.unitOrgId(),
                        unit -> paths.pathOf(unit).map(p -> p.startsWith(callerPath)).orElse(false)))
                .map(ListView::of).toList();
        return new Page<>(rows, found.nextCursor());
    }

    /** The PDF link of a certificate the caller may print: their own, or (with the permission) a person's in their jurisdiction. */
    public PdfStore.Link pdf(Actor caller, String certificateId, AuditContext meta) {
        Certificate c = certificates.byId(certificateId).filter(Certificate::visible)
                .filter(found -> mayPrint(caller, found)).orElseThrow(NotFound::new);
        String key = c.pdfKeyForRevision();
        if (!pdfs.exists(key)) {
            pdfs.put(key, CertificatePdf.render(c, verifyUrl(c)));
        }
        PdfStore.Link link = pdfs.presignedGet(key, c.certificateNo() + ".pdf", LINK_LIFETIME);
        audit.record(new AuditRecord(clock.instant(), meta, "CERTIFICATE_PDF_DOWNLOAD", "CERTIFICATE", c.certificateId(),
                AuditRecord.SUCCESS));
        return link;
    }

    /** The public check of a printed code; unknown (or malformed) codes are not found. */
    public Verification verify(String verifyCode) {
        if (!VerifyCodes.plausible(verifyCode)) {
            throw new NotFound();
        }
        Certificate c = certificates.byVerifyCode(verifyCode).filter(Certificate::visible).orElseThrow(NotFound::new);
        boolean valid = c.status() == CertificateStatus.VALID;
        return new Verification(valid, c.status().name(), c.certificateNo(), NameMasking.mask(c.name()), c.year(),
                c.totalHours(), c.issuer(), c.issuedAt());
    }

    /** The URL the certificate's QR code carries. */
    public String verifyUrl(Certificate c) {
        return verifyUrlBase + c.verifyCode();
    }

    private boolean mayPrint(Actor caller, Certificate c) {
        if (c.personId().equals(caller.personId())) {
            return true;
        }
        if (!caller.isAdmin() || !caller.can(VIEW_PERMISSION) || caller.orgId() == null) {
            return false;
        }
        Optional<String> callerPath = paths.pathOf(caller.orgId());
        Optional<String> unitPath = holders.currentUnit(c.personId()).flatMap(paths::pathOf);
        return callerPath.isPresent() && unitPath.isPresent() && unitPath.get().startsWith(callerPath.get());
    }
}
