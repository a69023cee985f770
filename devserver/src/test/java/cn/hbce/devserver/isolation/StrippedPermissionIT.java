package cn.hbce.devserver.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.devserver.DevServer;
import cn.hbce.devserver.DevServerConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A function stripped of one permission fails locally as it would on AWS: the devserver runs a copy
 * of template.yaml whose LookupOrgsFunction may no longer dynamodb:Query, and the lookup route,
 * which works with the real template (LookupIT), now ends in a 500 while the local DynamoDB
 * refused the function's Query with AWS's own AccessDeniedException message.
 */
class StrippedPermissionIT {
    private static DevServer server;

    @BeforeAll
    static void start() {
        String copy = TemplateCopy.edited("LookupOrgsFunction",
                "Action: [dynamodb:GetItem, dynamodb:BatchGetItem, dynamodb:Query]",
                "Action: [dynamodb:GetItem, dynamodb:BatchGetItem]").toString();
        server = DevServer.start(DevServerConfig.ephemeral().withTemplate(copy, false));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theLookupFailsWithAwsAccessDeniedOnTheQuery() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.endpoint()
                + "/v1/orgs/lookup?q=" + URLEncoder.encode("湖北省", StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(500, r.statusCode(), r.body());
        assertTrue(server.accessDenials().stream().anyMatch(m -> m.matches(
                "User: arn:aws:sts::000000000000:assumed-role/LookupOrgsFunctionRole/LookupOrgsFunction is not authorized to "
                        + "perform: dynamodb:Query on resource: arn:aws:dynamodb:us-east-1:000000000000:table/hbce-table(/index/\\w+)? "
                        + "because no identity-based policy allows the dynamodb:Query action")), server.accessDenials().toString());
    }
}
