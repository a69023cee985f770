package cn.hbce.hours;

import cn.hbce.AppContext;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** PUT /v1/ce-rules/{year}: HRSS's super admin replaces a year's rules (the body has GET's shape). */
public final class PutCeRulesFunction extends ApiFunction {
    private final CeRulesService rules;

    public PutCeRulesFunction() {
        this(AppContext.get().ceRules());
    }

    public PutCeRulesFunction(CeRulesService rules) {
        this.rules = rules;
    }

    record RequiredBody(@JsonProperty("public") Double publicHours, Double professional, Double total) {
    }

    record Body(Integer year, RequiredBody required, List<CeRulesService.ActivityInput> activityTypes, String claimDeadline) {
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        int year = YearParam.parse("year", request.pathParameters().get("year"));
        Body body = body(request, Body.class);
        if (body.year() != null && body.year() != year) {
            throw Invalid.field("year");
        }
        if (body.required() == null) {
            throw Invalid.field("required");
        }
        CeRules stored = rules.replace(request.caller(), year, new CeRulesService.RulesInput(body.required().publicHours(),
                body.required().professional(), body.required().total(), body.activityTypes(), body.claimDeadline()),
                request.meta());
        return ApiResponse.ok(HoursViews.Rules.of(stored));
    }
}
