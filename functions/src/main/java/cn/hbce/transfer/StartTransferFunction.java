package cn.hbce.transfer;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** POST /v1/transfers (调出) → 201 {transferId, reviewId, status}. */
public final class StartTransferFunction extends ApiFunction {
    private final TransferService transfers;

    public StartTransferFunction() {
        this(AppContext.get().transfers());
    }

    public StartTransferFunction(TransferService transfers) {
        this.transfers = transfers;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission(TransferService.OUT_PERMISSION);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        TransferService.Start body = body(request, TransferService.Start.class);
        return ApiResponse.created(transfers.start(request.caller(), body, request.meta()));
    }
}
