package cn.hbce.hours;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import java.util.Map;

/** POST /v1/hours/declarations: a unit or base declares its trainees' hours (hours.declare). */
public final class DeclareHoursFunction extends ApiFunction {
    private final DeclarationService declarations;

    public DeclareHoursFunction() {
        this(AppContext.get().hoursDeclarations());
    }

    public DeclareHoursFunction(DeclarationService declarations) {
        this.declarations = declarations;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("hours.declare");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        DeclarationService.Declared d = declarations.declare(request.caller(),
                body(request, DeclarationService.DeclarationInput.class), request.meta());
        return ApiResponse.created(Map.of("declarationId", d.declarationId(), "reviewId", d.reviewId(),
                "accepted", d.accepted(), "rejected", d.rejected().stream()
                        .map(r -> Map.of("index", r.index(), "reason", r.reason().name())).toList()));
    }
}
