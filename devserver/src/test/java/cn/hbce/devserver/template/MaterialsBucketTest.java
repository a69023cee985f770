package cn.hbce.devserver.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.devserver.DevServerConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The files bucket as security.md asks it (issue 11): private, versioned, TLS only, CORS for the
 * console's origin only, and pending uploads gone after a day.
 */
class MaterialsBucketTest {
    private static final SamTemplate TEMPLATE = SamTemplate.load(DevServerConfig.ephemeral().projectRoot().resolve("template.yaml"));

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    @Test
    void theBucketIsPrivateVersionedAndExpiresPendingUploadsAfterADay() {
        // The materials bucket and the console's static files (ConsoleBucket, behind CloudFront).
        assertEquals(List.of("MaterialsBucket", "ConsoleBucket"), TEMPLATE.resourcesOfType("AWS::S3::Bucket"));
        Map<String, Object> p = TEMPLATE.properties("MaterialsBucket");
        Map<String, Object> block = map(p.get("PublicAccessBlockConfiguration"));
        for (String flag : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertEquals(true, block.get(flag), flag);
        }
        assertEquals("Enabled", map(p.get("VersioningConfiguration")).get("Status"));
        Map<String, Object> pending = list(map(p.get("LifecycleConfiguration")).get("Rules")).stream().map(MaterialsBucketTest::map)
                .filter(r -> "uploads/".equals(r.get("Prefix"))).findFirst().orElseThrow();
        assertEquals("Enabled", pending.get("Status"));
        assertEquals(1, pending.get("ExpirationInDays"));
        assertEquals(1, map(pending.get("NoncurrentVersionExpiration")).get("NoncurrentDays"));
        List<Object> cors = list(map(p.get("CorsConfiguration")).get("CorsRules"));
        assertEquals(1, cors.size());
        // Browsers upload straight to the bucket from the console: the configured origin and the console's own.
        assertEquals(List.of(Map.of("Ref", "FrontendOrigin"), Map.of("Fn::Sub", "https://${ConsoleDistribution.DomainName}")),
                map(cors.get(0)).get("AllowedOrigins"));
        assertEquals(List.of("GET", "PUT"), map(cors.get(0)).get("AllowedMethods"));
    }

    @Test
    void everyRequestWithoutTlsIsDenied() {
        Map<String, Object> policy = map(TEMPLATE.properties("MaterialsBucketPolicy").get("PolicyDocument"));
        boolean tlsOnly = list(policy.get("Statement")).stream().map(MaterialsBucketTest::map).anyMatch(s ->
                "Deny".equals(s.get("Effect")) && "*".equals(s.get("Principal")) && "s3:*".equals(s.get("Action"))
                        && String.valueOf(s.get("Condition")).contains("aws:SecureTransport=false"));
        assertTrue(tlsOnly, policy::toString);
    }
}
