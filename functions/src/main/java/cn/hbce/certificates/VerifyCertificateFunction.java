package cn.hbce.certificates;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/**
 * GET /v1/certificates/verify/{verifyCode} (no auth): whether a printed certificate is genuine and
 * still valid. A code that cannot be ours is 404 before any read; a plausible one costs one index
 * query of one item. The route has its own throttle in the template (an anonymous, enumerable route).
 */
public final class VerifyCertificateFunction extends ApiFunction {
    private final CertificateService certificates;

    public VerifyCertificateFunction() {
        this(AppContext.get().certificates());
    }

    public VerifyCertificateFunction(CertificateService certificates) {
        this.certificates = certificates;
    }

    @Override
    protected Access access() {
        return Access.anonymous();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String code = request.pathParameters().get("verifyCode");
        return ApiResponse.ok(certificates.verify(code));
    }
}
