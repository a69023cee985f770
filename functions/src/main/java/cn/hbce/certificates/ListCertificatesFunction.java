package cn.hbce.certificates;

import cn.hbce.AppContext;
import cn.hbce.common.Ids;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import cn.hbce.common.validation.Texts;
import java.util.Optional;

/** GET /v1/certificates?year=&q=&unitOrgId=&status=&limit=&cursor=: certificates of persons in the caller's jurisdiction. */
public final class ListCertificatesFunction extends ApiFunction {
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    private final CertificateService certificates;

    public ListCertificatesFunction() {
        this(AppContext.get().certificates());
    }

    public ListCertificatesFunction(CertificateService certificates) {
        this.certificates = certificates;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission(CertificateService.VIEW_PERMISSION);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Optional<Integer> year = request.queryParam("year").map(ListCertificatesFunction::year);
        Optional<String> text = request.queryParam("q").map(String::trim).filter(t -> !t.isEmpty());
        if (text.isPresent() && (text.get().length() > 50 || Texts.hasHiddenCharacters(text.get()))) {
            throw Invalid.field("q");
        }
        Optional<String> unit = request.queryParam("unitOrgId");
        if (unit.isPresent() && !Ids.plausible(unit.get())) {
            throw Invalid.field("unitOrgId");
        }
        Optional<CertificateStatus> status = request.queryParam("status").map(ListCertificatesFunction::status);
        return ApiResponse.ok(certificates.list(request.caller(),
                new CertificateService.Query(year, text, unit, status), request.page()));
    }

    private static int year(String raw) {
        try {
            int y = Integer.parseInt(raw);
            if (y >= MIN_YEAR && y <= MAX_YEAR) {
                return y;
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the 400
        }
        throw Invalid.field("year");
    }

    private static CertificateStatus status(String raw) {
        if (raw.equals("VALID") || raw.equals("REVOKED")) {
            return CertificateStatus.valueOf(raw);
        }
        throw Invalid.field("status");
    }
}
