package cn.hbce.bootstrap;

import cn.hbce.AppContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * Run once after the first deployment (sam remote invoke, not routed): creates the HRSS root org
 * and its super admin from {@code {idCard, name, phone, password}}. The password passed through the
 * deployer's hands, so the admin must change it at first login. Running it again changes nothing.
 */
public final class SeedRootFunction implements RequestHandler<Map<String, String>, Map<String, String>> {
    private final Bootstrap bootstrap;

    public SeedRootFunction() {
        this(AppContext.get().bootstrap);
    }

    public SeedRootFunction(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    @Override
    public Map<String, String> handleRequest(Map<String, String> input, Context context) {
        String orgId = bootstrap.ensureRoot(new Bootstrap.Account(input.get("idCard"), input.get("name"),
                input.get("phone"), input.get("password")), true);
        return Map.of("orgId", orgId, "status", "READY");
    }
}
