package cn.hbce.files;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** GET /v1/files/{fileId}/download: 200 {url, expiresAt}, a presigned GET; 404 to anyone who may not see what it is attached to. */
public final class GetDownloadUrlFunction extends ApiFunction {
    private final FileService files;

    public GetDownloadUrlFunction() {
        this(AppContext.get().files());
    }

    public GetDownloadUrlFunction(FileService files) {
        this.files = files;
    }

    @Override
    protected Access access() {
        return Access.signedInAndSettled();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(files.download(request.caller(), request.pathParam("fileId"), request.meta()));
    }
}
