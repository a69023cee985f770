package cn.hbce.transfer;

import cn.hbce.AppContext;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import cn.hbce.common.paging.Page;
import cn.hbce.common.validation.Dates;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** GET /v1/transfers?direction=IN|OUT&status=&q=&from=&to=&limit=&cursor= (调转记录). */
public final class ListTransfersFunction extends ApiFunction {
    private final TransferService transfers;

    public ListTransfersFunction() {
        this(AppContext.get().transfers());
    }

    public ListTransfersFunction(TransferService transfers) {
        this.transfers = transfers;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Optional<TransferQuery.Direction> direction = request.queryParam("direction").map(d -> switch (d) {
            case "IN" -> TransferQuery.Direction.IN;
            case "OUT" -> TransferQuery.Direction.OUT;
            default -> throw Invalid.field("direction");
        });
        Optional<TransferStatus> status = request.queryParam("status")
                .map(s -> TransferStatus.parse(s).orElseThrow(() -> Invalid.field("status")));
        Optional<String> text = request.queryParam("q").map(String::strip).filter(q -> !q.isEmpty());
        if (text.isPresent() && text.get().length() > 50) {
            throw Invalid.field("q");
        }
        Optional<Instant> from = request.queryParam("from").map(v -> Dates.instant("from", v, false));
        Optional<Instant> to = request.queryParam("to").map(v -> Dates.instant("to", v, true));
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw Invalid.fields(List.of("from", "to"));
        }
        Page<Transfer> page = transfers.list(request.caller(), new TransferQuery(direction, status, text, from, to,
                request.limit(), request.queryParam("cursor")));
        return ApiResponse.ok(page.withItems(page.items().stream().map(TransferViews.ListItem::of).toList()));
    }
}
