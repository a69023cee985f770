package cn.hbce.bootstrap;

import cn.hbce.AppContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * Run once after the first deployment (sam remote invoke, not routed): creates the HRSS root org
 * and its super admin from {@code {idCard, name, phone, password}}. The password passed through the
 * deployer's hands, so the admin must change it at first login. Once the root has a super admin
 * it refuses with an error and changes nothing.
 */
public final class SeedRootFunction implements RequestHandler<Map<String, String>, Map<String, String>> {
    private final RootSeeder seeder;

    public SeedRootFunction() {
        this(AppContext.get().rootSeeder());
    }

    public SeedRootFunction(RootSeeder seeder) {
        this.seeder = seeder;
    }

    @Override
    public Map<String, String> handleRequest(Map<String, String> input, Context context) {
        String orgId = seeder.seed(new Bootstrap.Account(input.get("idCard"), input.get("name"),
                input.get("phone"), input.get("password")));
        return Map.of("orgId", orgId, "status", "READY");
    }
}
