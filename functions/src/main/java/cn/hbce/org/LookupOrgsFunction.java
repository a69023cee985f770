package cn.hbce.org;

import cn.hbce.AppContext;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.http.Access;
import cn.hbce.common.validation.Texts;
import cn.hbce.common.http.ApiRequest;
import cn.hbce.common.http.ApiResponse;
import cn.hbce.common.lambda.ApiFunction;
import java.util.Map;
import java.util.Optional;

/** GET /v1/orgs/lookup?q=&type=: approved orgs for registration forms. */
public final class LookupOrgsFunction extends ApiFunction {
    private final OrgService orgs;

    public LookupOrgsFunction() {
        this(AppContext.get().orgService());
    }

    public LookupOrgsFunction(OrgService orgs) {
        this.orgs = orgs;
    }

    @Override
    protected Access access() {
        return Access.anonymous();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String q = request.queryParam("q").map(String::trim).orElse("");
        if (q.length() < 2 || q.length() > 50 || Texts.hasHiddenCharacters(q)) {
            throw Invalid.field("q");
        }
        Optional<OrgType> type = Optional.empty();
        if (request.queryParam("type").isPresent()) {
            type = Optional.of(OrgType.parse(request.queryParam("type").get())
                    .orElseThrow(() -> Invalid.field("type")));
        }
        return ApiResponse.ok(Map.of("items", orgs.lookup(q, type)));
    }
}
