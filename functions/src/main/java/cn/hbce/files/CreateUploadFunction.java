package cn.hbce.files;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** POST /v1/files {purpose, fileName, contentType, size}: 201 {fileId, uploadUrl, uploadHeaders, expiresAt}. */
public final class CreateUploadFunction extends ApiFunction {
    private final FileService files;

    public CreateUploadFunction() {
        this(AppContext.get().files());
    }

    public CreateUploadFunction(FileService files) {
        this.files = files;
    }

    @Override
    protected Access access() {
        return Access.signedInAndSettled();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.created(files.create(request.caller(), body(request, FileService.Create.class), request.meta()));
    }
}
