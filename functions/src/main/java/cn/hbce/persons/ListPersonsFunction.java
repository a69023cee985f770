package cn.hbce.persons;

import cn.hbce.AppContext;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;

/**
 * GET /v1/persons?q=&unitOrgId=&titleSeries=&titleLevel=&status=&year=&met=&limit=&cursor= (persons.view):
 * professionals in the caller's jurisdiction, masked; with {@code year}, that year's approved hours and met.
 */
public final class ListPersonsFunction extends ApiFunction {
    private final PersonQueryService persons;

    public ListPersonsFunction() {
        this(AppContext.get().personQuery());
    }

    public ListPersonsFunction(PersonQueryService persons) {
        this.persons = persons;
    }

    @Override
    protected Access access() {
        return Access.approvedOrgAdmin().withPermission("persons.view");
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        PersonFilter filter = PersonFilter.parse(request::queryParam, "");
        return ApiResponse.ok(persons.list(request.caller(), filter, request.limit(), request.queryParam("cursor")));
    }
}
