package cn.hbce.org.subordinates;

import cn.hbce.AppContext;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import cn.hbce.org.OrgType;
import java.util.Optional;

/** GET /v1/subordinates?type=&q=&limit=&cursor=. */
public final class ListSubordinatesFunction extends ApiFunction {
    private final SubordinateService subordinates;

    public ListSubordinatesFunction() {
        this(AppContext.get().subordinates());
    }

    public ListSubordinatesFunction(SubordinateService subordinates) {
        this.subordinates = subordinates;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("subordinates.manage");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Optional<OrgType> type = request.queryParam("type").map(t -> OrgType.parse(t)
                .filter(x -> x != OrgType.HRSS).orElseThrow(() -> Invalid.field("type")));
        Optional<String> text = request.queryParam("q").map(String::strip);
        if (text.isPresent() && text.get().length() > 50) {
            throw Invalid.field("q");
        }
        return ApiResponse.ok(subordinates.list(request.caller(), type, text, request.limit(),
                request.queryParam("cursor")));
    }
}
