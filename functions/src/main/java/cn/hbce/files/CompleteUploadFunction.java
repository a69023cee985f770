package cn.hbce.files;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** POST /v1/files/{fileId}/complete: 200 {fileId, fileName, contentType, size, status} once the bytes check out; 400 FILE_REJECTED. */
public final class CompleteUploadFunction extends ApiFunction {
    private final FileService files;

    public CompleteUploadFunction() {
        this(AppContext.get().files());
    }

    public CompleteUploadFunction(FileService files) {
        this.files = files;
    }

    @Override
    protected Access access() {
        return Access.signedInAndSettled();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(files.complete(request.caller(), request.pathParam("fileId"), request.meta()));
    }
}
