package cn.hbce.hours;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** GET /v1/hours/{recordId}: one record with its evidence files and review trail (review.hours). */
public final class GetHoursRecordFunction extends ApiFunction {
    private final HoursDeskService desk;

    public GetHoursRecordFunction() {
        this(AppContext.get().hoursDesk());
    }

    public GetHoursRecordFunction(HoursDeskService desk) {
        this.desk = desk;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("review.hours");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(HoursViews.Detail.of(desk.get(request.caller(), request.pathParam("recordId"))));
    }
}
