package cn.hbce.devserver.schedules;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A scheduled function for the test: remembers the events it was given. */
public final class CountingJob implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    static final List<Map<String, Object>> EVENTS = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        EVENTS.add(event);
        return Map.of("seen", EVENTS.size());
    }
}
