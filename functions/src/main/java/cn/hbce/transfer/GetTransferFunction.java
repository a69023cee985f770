package cn.hbce.transfer;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** GET /v1/transfers/{transferId}: the copied information, both orgs, the timeline. */
public final class GetTransferFunction extends ApiFunction {
    private final TransferService transfers;

    public GetTransferFunction() {
        this(AppContext.get().transfers());
    }

    public GetTransferFunction(TransferService transfers) {
        this.transfers = transfers;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(TransferViews.Detail.of(transfers.detail(request.caller(), request.pathParam("transferId"))));
    }
}
