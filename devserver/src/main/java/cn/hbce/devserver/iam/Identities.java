package cn.hbce.devserver.iam;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who sent a request to a local service. Each function signs with its own access key id, its
 * logical id (the devserver puts it in the function's {@code AWS_ACCESS_KEY_ID}); such a request
 * is held to that function's policies. Every other key (the devserver's own provisioning and
 * seeding, the tests' fixtures, the AWS CLI) is not a function and passes unchecked.
 */
public final class Identities {
    static final String ACCOUNT = "000000000000";
    private static final Pattern HEADER_KEY = Pattern.compile("Credential=([^/,\\s]+)/");
    private static final Pattern QUERY_KEY = Pattern.compile("(?:^|&)X-Amz-Credential=([^&]+)");
    private final Map<String, Principal> byAccessKey;

    /** A function's identity: the role SAM creates for it ({@code <LogicalId>Role}) and its policies. */
    public record Principal(String functionId, String role, List<Statement> statements) {
        public Decision decide(AccessRequest request) {
            return Decision.of(statements, request, role, functionId);
        }
    }

    public Identities(Map<String, Principal> byAccessKey) {
        this.byAccessKey = Map.copyOf(byAccessKey);
    }

    /** The function that signed the request, if a function did. */
    public Optional<Principal> caller(String authorizationHeader, String rawQuery) {
        return accessKeyId(authorizationHeader, rawQuery).map(byAccessKey::get);
    }

    /** Whether the access key id is a function's. */
    public boolean isFunction(String accessKeyId) {
        return byAccessKey.containsKey(accessKeyId);
    }

    /** The access key id of a SigV4 request: from the Authorization header, or a presigned URL's X-Amz-Credential. */
    static Optional<String> accessKeyId(String authorizationHeader, String rawQuery) {
        if (authorizationHeader != null) {
            Matcher m = HEADER_KEY.matcher(authorizationHeader);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        if (rawQuery != null) {
            Matcher m = QUERY_KEY.matcher(rawQuery);
            if (m.find()) {
                String credential = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
                return Optional.of(credential.substring(0, credential.indexOf('/') < 0 ? credential.length() : credential.indexOf('/')));
            }
        }
        return Optional.empty();
    }
}
