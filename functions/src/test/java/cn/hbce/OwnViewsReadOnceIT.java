package cn.hbce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.hbce.account.adapter.DynamoAccountRepository;
import cn.hbce.account.adapter.DynamoSessionStore;
import cn.hbce.auth.AccountService;
import cn.hbce.auth.adapter.DynamoProfileReader;
import cn.hbce.auth.GetMeFunction;
import cn.hbce.account.PasswordHasher;
import cn.hbce.bootstrap.Bootstrap;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.http.PrincipalContext;
import cn.hbce.org.adapter.DynamoOrgRepository;
import cn.hbce.org.GetOrgFunction;
import cn.hbce.org.Org;
import cn.hbce.org.OrgService;
import cn.hbce.org.OrgType;
import cn.hbce.testing.LocalTable;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * GET /v1/org and GET /v1/me after the authorizer: each handler makes exactly one DynamoDB read
 * (counted by an SDK interceptor on the handler's own client), and the org shows its parent's
 * current name, also after the parent was renamed.
 */
class OwnViewsReadOnceIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Bootstrap.Account ROOT_ADMIN = new Bootstrap.Account("420106198001010015", "省厅管理员",
            "13900000000", "Hbce@Root2026");
    private static final Bootstrap.Account DEPT_ADMIN = new Bootstrap.Account("11010519491231002X", "卫健委管理员",
            "13900000001", "Hbce@Dept2026");
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<AuditRecord> audit = new CopyOnWriteArrayList<>();
    private String table;
    private DynamoOrgRepository orgs;
    private DynamoAccountRepository accounts;
    private DynamoDbClient counting;

    @BeforeEach
    void tree() {
        table = LocalTable.create();
        DynamoDbClient dynamo = LocalTable.client();
        orgs = new DynamoOrgRepository(dynamo, table);
        accounts = new DynamoAccountRepository(dynamo, table);
        Bootstrap bootstrap = new Bootstrap(orgs, accounts, new PasswordHasher(), audit::add, Clock.systemUTC())
                .sharingHashesForDemoData();
        bootstrap.ensureOrg(Bootstrap.ROOT_ORG_ID, OrgType.HRSS, Bootstrap.ROOT_ORG_NAME, null, null, "027-87654321", ROOT_ADMIN);
        bootstrap.ensureOrg("o_dept", OrgType.DEPARTMENT, "湖北省卫生健康委员会", null, Bootstrap.ROOT_ORG_ID, "027-87654322",
                DEPT_ADMIN);
        counting = DynamoDbClient.builder()
                .endpointOverride(dynamo.serviceClientConfiguration().endpointOverride().orElseThrow())
                .region(dynamo.serviceClientConfiguration().region())
                .credentialsProvider(dynamo.serviceClientConfiguration().credentialsProvider())
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        calls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                    }
                }))
                .build();
    }

    private static APIGatewayV2HTTPEvent request(String path, Actor caller) {
        return APIGatewayV2HTTPEvent.builder()
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("r-" + path)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path)
                                .withSourceIp("127.0.0.1").build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withLambda(PrincipalContext.toContext(caller)).build())
                        .build())
                .build();
    }

    private static Actor deptAdmin(String personId) {
        return new Actor(personId, "s_1", "DEPARTMENT", "o_dept", "a_1", true,
                Set.of("org.manage", "reviews.decide"), true, false);
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        assertEquals(200, response.getStatusCode(), response::getBody);
        return JSON.readTree(response.getBody());
    }

    @Test
    void getOrgIsOneGetItemAndShowsTheParentsNameAfterARename() throws Exception {
        GetOrgFunction getOrg = new GetOrgFunction(new OrgService(new DynamoOrgRepository(counting, table), null, null,
                Clock.systemUTC()));
        String personId = accounts.personIdForIdCard(DEPT_ADMIN.idCard()).orElseThrow();

        JsonNode before = body(getOrg.handleRequest(request("/v1/org", deptAdmin(personId)), null));
        assertEquals(Bootstrap.ROOT_ORG_NAME, before.path("parentName").asText());
        assertEquals(List.of("GetItem"), calls);

        Org root = orgs.get(Bootstrap.ROOT_ORG_ID).orElseThrow();
        orgs.update(root.withInfo("湖北省人力资源和社会保障厅（新）", root.contactPhone(), null, null, root.updatedAt()),
                root.version(), root);
        calls.clear();
        JsonNode after = body(getOrg.handleRequest(request("/v1/org", deptAdmin(personId)), null));
        assertEquals("湖北省人力资源和社会保障厅（新）", after.path("parentName").asText(), after::toString);
        assertEquals("湖北省卫生健康委员会", after.path("name").asText());
        assertEquals(List.of("GetItem"), calls, "still one read after the rename");
    }

    @Test
    void getMeIsOneBatchGetItem() throws Exception {
        GetMeFunction getMe = new GetMeFunction(new AccountService(accounts, new DynamoProfileReader(counting, table),
                new DynamoSessionStore(counting, table), new PasswordHasher(), audit::add, Clock.systemUTC()));
        String personId = accounts.personIdForIdCard(DEPT_ADMIN.idCard()).orElseThrow();
        audit.clear();

        JsonNode me = body(getMe.handleRequest(request("/v1/me", deptAdmin(personId)), null));
        assertEquals(List.of("BatchGetItem"), calls);
        assertEquals(DEPT_ADMIN.idCard(), me.path("idCard").asText());
        assertEquals("湖北省卫生健康委员会", me.path("user").path("orgName").asText());
        assertEquals("湖北省卫生健康委员会", me.path("org").path("name").asText());
        assertEquals(List.of("org.manage", "reviews.decide"), JSON.convertValue(me.path("user").path("permissions"), List.class));
        assertEquals(true, me.path("user").path("superAdmin").asBoolean());
        assertEquals(1, audit.size(), "the unmasked view is still audited");
    }
}
