package cn.hbce.persons;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/** GET /v1/persons/{personId} (persons.view): one professional's masked profile; 404 outside the jurisdiction. */
public final class GetPersonFunction extends ApiFunction {
    private final PersonQueryService persons;

    public GetPersonFunction() {
        this(AppContext.get().personQuery());
    }

    public GetPersonFunction(PersonQueryService persons) {
        this.persons = persons;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("persons.view");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(persons.profile(request.caller(), request.pathParam("personId")));
    }
}
