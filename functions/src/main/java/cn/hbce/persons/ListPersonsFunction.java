package cn.hbce.persons;

import cn.hbce.AppContext;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.http.Access;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import java.util.Optional;

/** GET /v1/persons?q=&unitOrgId=&limit=&cursor= (persons.view): professionals in the caller's jurisdiction, masked. */
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
        Optional<String> q = request.queryParam("q").map(String::strip).filter(s -> !s.isEmpty());
        if (q.isPresent() && q.get().length() > 50) {
            throw Invalid.field("q");
        }
        Optional<String> unit = request.queryParam("unitOrgId").map(String::strip);
        if (unit.isPresent() && !cn.hbce.common.Ids.plausible(unit.get())) {
            throw Invalid.field("unitOrgId");
        }
        return ApiResponse.ok(persons.list(request.caller(), q, unit, request.limit(), request.queryParam("cursor")));
    }
}
