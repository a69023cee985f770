package cn.hbce.hours;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** DELETE /v1/hours/{recordId} {reason}: the department's soft delete (review.hours); 204. */
public final class DeleteHoursRecordFunction extends ApiFunction {
    private final HoursDeskService desk;

    public DeleteHoursRecordFunction() {
        this(AppContext.get().hoursDesk());
    }

    public DeleteHoursRecordFunction(HoursDeskService desk) {
        this.desk = desk;
    }

    record Body(String reason) {
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("review.hours");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String recordId = request.pathParam("recordId");
        Body body = body(request, Body.class);
        desk.delete(request.caller(), recordId, body.reason(), request.meta());
        return ApiResponse.noContent();
    }
}
