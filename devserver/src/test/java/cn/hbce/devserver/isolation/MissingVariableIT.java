package cn.hbce.devserver.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.hbce.devserver.DevServer;
import cn.hbce.devserver.DevServerConfig;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A function no longer gets a variable another function declares, nor one of the devserver's
 * process: with AUDIT_TABLE_NAME taken out of the template's Globals, a function fails at its cold
 * start with a message naming the variable, and the route answers HTTP API's 500.
 */
class MissingVariableIT {
    private static DevServer server;

    @BeforeAll
    static void start() {
        System.setProperty("AUDIT_TABLE_NAME", "hbce-audittable");
        String copy = TemplateCopy.edited("Globals", "        AUDIT_TABLE_NAME: !Ref AuditTable\n", "").toString();
        server = DevServer.start(DevServerConfig.ephemeral().withTemplate(copy, false));
    }

    @AfterAll
    static void stop() {
        server.close();
        System.clearProperty("AUDIT_TABLE_NAME");
    }

    @Test
    void theFunctionFailsAtItsColdStartNamingTheVariable() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.endpoint() + "/v1/orgs/lookup?q=abc")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(500, r.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", r.body());
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> server.functions().invoke("LookupOrgsFunction", new APIGatewayV2HTTPEvent()));
        assertEquals("Missing configuration: AUDIT_TABLE_NAME (not in this function's Environment in template.yaml)",
                failure.getMessage());
    }
}
