package cn.hbce.materials;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** PUT /v1/materials/{materialId} {title?, type?, remark?, fileIds?, version}: a new version (412 when stale); the submitting org only. */
public final class UpdateMaterialFunction extends ApiFunction {
    private final MaterialService materials;

    public UpdateMaterialFunction() {
        this(AppContext.get().materials());
    }

    public UpdateMaterialFunction(MaterialService materials) {
        this.materials = materials;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission(MaterialService.SUBMIT);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        MaterialService.Edit body = body(request, MaterialService.Edit.class);
        return ApiResponse.ok(materials.edit(request.caller(), request.pathParam("materialId"), body, request.meta()));
    }
}
