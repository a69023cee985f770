package cn.hbce.materials;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** GET /v1/materials/{materialId}: the material with its files and history; 404 outside the submitting org and the orgs above it. */
public final class GetMaterialFunction extends ApiFunction {
    private final MaterialService materials;

    public GetMaterialFunction() {
        this(AppContext.get().materials());
    }

    public GetMaterialFunction(MaterialService materials) {
        this.materials = materials;
    }

    @Override
    protected Access access() {
        // materials.submit or stats.view, checked by the use case (Access names one permission).
        return Access.approvedOrgAdmin();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(materials.get(request.caller(), request.pathParam("materialId")));
    }
}
