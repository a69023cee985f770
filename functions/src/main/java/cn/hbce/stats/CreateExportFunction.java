package cn.hbce.stats;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** POST /v1/exports {type, format, filters} → 201 {exportId, rows, url, expiresAt} (导出数据). */
public final class CreateExportFunction extends ApiFunction {
    private final ExportService exports;

    public CreateExportFunction() {
        this(AppContext.get().exports());
    }

    public CreateExportFunction(ExportService exports) {
        this.exports = exports;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("stats.view");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        ExportService.Request body = body(request, ExportService.Request.class);
        return ApiResponse.created(exports.export(request.caller(), body, request.meta()));
    }
}
