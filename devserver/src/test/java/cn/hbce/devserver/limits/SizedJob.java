package cn.hbce.devserver.limits;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** A task function: sleeps {@code ms}, then answers a string of {@code bytes} characters. */
public final class SizedJob implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        try {
            Thread.sleep(((Number) event.getOrDefault("ms", 0)).longValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Map.of("data", "x".repeat(((Number) event.getOrDefault("bytes", 1)).intValue()));
    }
}
