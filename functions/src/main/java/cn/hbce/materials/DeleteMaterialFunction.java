package cn.hbce.materials;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** DELETE /v1/materials/{materialId}: 204; the submitting org only; afterwards 404. */
public final class DeleteMaterialFunction extends ApiFunction {
    private final MaterialService materials;

    public DeleteMaterialFunction() {
        this(AppContext.get().materials());
    }

    public DeleteMaterialFunction(MaterialService materials) {
        this.materials = materials;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission(MaterialService.SUBMIT);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        materials.delete(request.caller(), request.pathParam("materialId"), request.meta());
        return ApiResponse.noContent();
    }
}
