package cn.hbce.certificates;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import java.util.Optional;

/** GET /v1/me/certificates: the caller's own certificates, with their verification codes. */
public final class ListMyCertificatesFunction extends ApiFunction {
    /** Signed in (a /v1/me* route: also admins of an org under review), but not with a temporary password. */
    private static final Access OWN = new Access(false, true, false, false, Optional.empty());
    private final CertificateService certificates;

    public ListMyCertificatesFunction() {
        this(AppContext.get().certificates());
    }

    public ListMyCertificatesFunction(CertificateService certificates) {
        this.certificates = certificates;
    }

    @Override
    protected Access access() {
        return OWN;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(certificates.mine(request.caller(), request.page()));
    }
}
