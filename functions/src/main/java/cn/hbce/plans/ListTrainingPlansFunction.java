package cn.hbce.plans;

import cn.hbce.AppContext;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import cn.hbce.common.validation.Dates;
import java.util.Optional;

/** GET /v1/training-plans?kind=&year=&status=: the caller's org's plans, newest first. */
public final class ListTrainingPlansFunction extends ApiFunction {
    private final PlanService plans;

    public ListTrainingPlansFunction() {
        this(AppContext.get().plans());
    }

    public ListTrainingPlansFunction(PlanService plans) {
        this.plans = plans;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("plans.submit");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Optional<PlanKind> kind = request.queryParam("kind").map(k -> PlanKind.parse(k).orElseThrow(() -> Invalid.field("kind")));
        Optional<PlanStatus> status = request.queryParam("status")
                .map(s -> PlanStatus.parse(s).orElseThrow(() -> Invalid.field("status")));
        Optional<Integer> year = request.queryParam("year").map(ListTrainingPlansFunction::year);
        var page = plans.list(request.caller(), new PlanRepository.PlanFilter(kind, year, status), request.page());
        return ApiResponse.ok(page.withItems(page.items().stream().map(PlanApiViews.Summary::of).toList()));
    }

    private static int year(String raw) {
        if (raw.length() == 4 && raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int y = Integer.parseInt(raw);
            if (y >= Dates.EARLIEST.getYear() && y <= Dates.LATEST.getYear()) {
                return y;
            }
        }
        throw Invalid.field("year");
    }
}
