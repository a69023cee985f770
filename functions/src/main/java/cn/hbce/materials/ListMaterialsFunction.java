package cn.hbce.materials;

import cn.hbce.AppContext;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import java.util.Optional;

/**
 * GET /v1/materials?year=&type=&scope=own|subordinates&limit=&cursor=: the caller's org's materials,
 * or (scope=subordinates) those reported to it by orgs below, with their orgId and orgName.
 */
public final class ListMaterialsFunction extends ApiFunction {
    private final MaterialService materials;

    public ListMaterialsFunction() {
        this(AppContext.get().materials());
    }

    public ListMaterialsFunction(MaterialService materials) {
        this.materials = materials;
    }

    @Override
    protected Access access() {
        // materials.submit or stats.view, checked by the use case (Access names one permission).
        return Access.approvedOrgAdmin();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Optional<MaterialType> type = request.queryParam("type")
                .map(t -> MaterialType.parse(t).orElseThrow(() -> Invalid.field("type")));
        MaterialService.Scope scope = request.queryParam("scope").map(s -> switch (s) {
            case "subordinates" -> MaterialService.Scope.SUBORDINATES;
            case "own" -> MaterialService.Scope.OWN;
            default -> throw Invalid.field("scope");
        }).orElse(MaterialService.Scope.OWN);
        MaterialService.Query query = new MaterialService.Query(MaterialService.parseYear(request.queryParam("year")), type, scope);
        return ApiResponse.ok(materials.list(request.caller(), query, request.page()));
    }
}
