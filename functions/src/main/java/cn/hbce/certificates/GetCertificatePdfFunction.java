package cn.hbce.certificates;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import java.util.Optional;

/**
 * GET /v1/certificates/{certificateId}/pdf → {url, expiresAt}: for the holder, and for admins of an
 * approved org holding {@code certificates.view} whose jurisdiction covers the holder; anyone else
 * gets 404, as for a certificate that does not exist.
 */
public final class GetCertificatePdfFunction extends ApiFunction {
    /** Signed in; an admin's org must be approved; no temporary password. */
    private static final Access SIGNED_IN_APPROVED = new Access(false, false, false, false, Optional.empty());
    private final CertificateService certificates;

    public GetCertificatePdfFunction() {
        this(AppContext.get().certificates());
    }

    public GetCertificatePdfFunction(CertificateService certificates) {
        this.certificates = certificates;
    }

    @Override
    protected Access access() {
        return SIGNED_IN_APPROVED;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(certificates.pdf(request.caller(), request.pathParam("certificateId"), request.meta()));
    }
}
