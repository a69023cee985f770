package cn.hbce.devserver.e2e;

import cn.hbce.AppContext;
import cn.hbce.common.aws.AwsClients;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every item of the main table as text, keyed by PK and SK — except what any request may write
 * without storing anything of its own: sessions (`SESSION#…`, their last-seen times), the failed
 * logins of source addresses (`LOGINIP#…`) and the attempt window on a person's profile. (Audit
 * records live in a table of their own.)
 */
final class TableSnapshot {
    /** The attempt window on a person's profile (cn.hbce.account.adapter.DynamoAttemptWindow). */
    private static final Set<String> COUNTER_ATTRIBUTES = Set.of("failures", "windowStart", "lockedUntil");

    private TableSnapshot() {
    }

    static Map<String, String> take() {
        String table = AppContext.get().config().tableName();
        Map<String, String> out = new TreeMap<>();
        AwsClients.dynamo().scanPaginator(s -> s.tableName(table).consistentRead(true)).items().forEach(item -> {
            String pk = str(item, "PK");
            String sk = str(item, "SK");
            if (pk.startsWith("SESSION#") || pk.startsWith("LOGINIP#")) {
                return;
            }
            Map<String, String> attributes = new TreeMap<>();
            item.forEach((k, v) -> {
                if (!COUNTER_ATTRIBUTES.contains(k)) {
                    attributes.put(k, v.toString());
                }
            });
            out.put(pk + " | " + sk, attributes.toString());
        });
        return out;
    }

    /** A snapshot once the table stopped changing (workflows of earlier tests may still be writing). */
    static Map<String, String> settled() {
        Map<String, String> last = take();
        for (int i = 0; i < 10; i++) {
            sleep(300);
            Map<String, String> now = take();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /** The keys that differ, with what changed, compactly. */
    static String diff(Map<String, String> before, Map<String, String> after) {
        StringBuilder out = new StringBuilder();
        int lines = 0;
        for (String key : new java.util.TreeSet<>(java.util.stream.Stream.concat(before.keySet().stream(),
                after.keySet().stream()).toList())) {
            String b = before.get(key);
            String a = after.get(key);
            if (!java.util.Objects.equals(a, b) && ++lines > 30) {
                out.append("…\n");
                break;
            }
            if (!java.util.Objects.equals(a, b)) {
                out.append(b == null ? "+ " : a == null ? "- " : "~ ").append(key).append(' ')
                        .append(FuzzCases.shorten(a == null ? b : a)).append('\n');
            }
        }
        return out.toString();
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? "" : v.s();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
