package cn.hbce.materials;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** POST /v1/materials {year, type, title, fileIds, remark?}: 201 {materialId, version, status} (提交申报). */
public final class CreateMaterialFunction extends ApiFunction {
    private final MaterialService materials;

    public CreateMaterialFunction() {
        this(AppContext.get().materials());
    }

    public CreateMaterialFunction(MaterialService materials) {
        this.materials = materials;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission(MaterialService.SUBMIT);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        MaterialService.Create body = body(request, MaterialService.Create.class);
        return ApiResponse.created(materials.create(request.caller(), body, request.meta()));
    }
}
