package cn.hbce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.common.aws.LazyClient;
import cn.hbce.common.config.AppConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/** Each function builds only what it uses: no client, secret or unrelated service at construction. */
class AppContextTest {
    private final AtomicInteger dynamoBuilds = new AtomicInteger();
    private final AtomicInteger sfnBuilds = new AtomicInteger();
    private final AtomicInteger secretReads = new AtomicInteger();

    private AppContext context() {
        AppConfig config = new AppConfig("hbce-table", "hbce-audit", "", () -> {
            secretReads.incrementAndGet();
            return new byte[32];
        }, Duration.ofMinutes(120), Duration.ofMinutes(30), Optional.of("arn:aws-cn:states:cn-north-1:0:stateMachine:x"),
                60, Duration.ofSeconds(30));
        return new AppContext(config, LazyClient.dynamo(() -> {
            dynamoBuilds.incrementAndGet();
            throw new AssertionError("no DynamoDB client may be built while wiring");
        }), () -> {
            sfnBuilds.incrementAndGet();
            throw new AssertionError("no Step Functions client may be built while wiring");
        }, Clock.systemUTC());
    }

    private static Set<String> built(AppContext app) {
        Set<String> out = new TreeSet<>();
        app.built().forEach((name, present) -> {
            if (present) {
                out.add(name);
            }
        });
        return out;
    }

    @Test
    void getOrgWiresTheOrgServiceAndNothingElse() {
        AppContext app = context();
        app.orgService();
        // Not even the review engine (built when an edit is submitted); nothing of login, roles or tokens.
        assertEquals(Set.of("orgService"), built(app));
        assertEquals(0, dynamoBuilds.get());
        assertEquals(0, sfnBuilds.get());
        assertEquals(0, secretReads.get());
    }

    @Test
    void theAuthorizerWiresNeitherStepFunctionsNorReviewsAndReadsNoSecretUntilAToken() {
        AppContext app = context();
        app.authorizer();
        assertEquals(Set.of("authorizer", "caller", "permissions", "tokens"), built(app));
        assertEquals(0, dynamoBuilds.get());
        assertEquals(0, sfnBuilds.get());
        assertEquals(0, secretReads.get(), "a secret read at init would be frozen into the SnapStart snapshot");
    }

    @Test
    void everyServiceCanBeWiredWithoutCallingAClient() {
        AppContext app = context();
        app.login();
        app.account();
        app.subordinates();
        app.registrations();
        app.personRegistrations();
        app.rootSeeder();
        app.departments();
        app.roles();
        app.admins();
        app.reviews();
        app.orgService();
        app.authorizer();
        Map<String, Boolean> all = app.built();
        assertTrue(all.values().stream().allMatch(b -> b), all.toString());
        assertEquals(0, dynamoBuilds.get());
        assertEquals(0, sfnBuilds.get());
        assertEquals(0, secretReads.get());
    }

    @Test
    void primingBuildsTheDynamoDbClientButSendsNothingAndLeavesTheSecretUnread() {
        AppConfig config = new AppConfig("hbce-table", "hbce-audit", "", () -> {
            secretReads.incrementAndGet();
            return new byte[32];
        }, Duration.ofMinutes(120), Duration.ofMinutes(30), Optional.empty(), 60, Duration.ofSeconds(30));
        // Nothing listens on port 1: a request that was really sent would fail (and so fail this test).
        DynamoDbClient dynamo = LazyClient.dynamo(() -> {
            dynamoBuilds.incrementAndGet();
            return DynamoDbClient.builder().endpointOverride(java.net.URI.create("http://127.0.0.1:1"))
                    .region(software.amazon.awssdk.regions.Region.CN_NORTH_1)
                    .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                    .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("k", "s")))
                    .build();
        });
        AppContext app = new AppContext(config, dynamo, () -> {
            sfnBuilds.incrementAndGet();
            throw new AssertionError("no Step Functions client for a function without a state machine");
        }, Clock.systemUTC());
        app.authorizer();
        AppContext.prime(app);
        assertEquals(1, dynamoBuilds.get(), "the client is in the snapshot");
        assertEquals(0, secretReads.get(), "a secret read before the snapshot would be frozen into it");
        assertEquals(0, sfnBuilds.get());
    }

    @Test
    void theSameServiceIsReturnedEveryTime() {
        AppContext app = context();
        assertTrue(app.orgService() == app.orgService());
        assertFalse(app.built().get("login"));
    }
}
