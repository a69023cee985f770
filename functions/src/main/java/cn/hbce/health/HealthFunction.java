package cn.hbce.health;

import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import java.util.Map;

/** GET /v1/health. */
public final class HealthFunction extends ApiFunction {

    @Override
    protected Access access() {
        return Access.anonymous();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(Map.of("status", "ok"));
    }
}
