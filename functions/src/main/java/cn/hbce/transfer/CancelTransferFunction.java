package cn.hbce.transfer;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import cn.hbce.common.validation.Fields;
import java.util.Map;

/** POST /v1/transfers/{transferId}/cancel {reason?} → 200 {transferId, status: CANCELLED} while pending. */
public final class CancelTransferFunction extends ApiFunction {
    private final TransferService transfers;

    public record Body(String reason) {
    }

    public CancelTransferFunction() {
        this(AppContext.get().transfers());
    }

    public CancelTransferFunction(TransferService transfers) {
        this.transfers = transfers;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission(TransferService.OUT_PERMISSION);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String reason = null;
        if (request.body() != null && !request.body().isBlank()) {
            Fields f = new Fields();
            reason = f.optionalText("reason", body(request, Body.class).reason(), 500);
            f.throwIfInvalid();
        }
        Transfer t = transfers.cancel(request.caller(), request.pathParam("transferId"), reason, request.meta());
        return ApiResponse.ok(Map.of("transferId", t.transferId(), "status", TransferStatus.CANCELLED.name()));
    }
}
