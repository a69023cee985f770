package cn.hbce.stats;

import cn.hbce.AppContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * EventBridge schedule target: nightly for the current year; on 1 January (input
 * {@code {"closedYear": true}}) for the year just closed, whose snapshot then stays as it is.
 */
public final class StartScheduledStatsFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final StatsJobService jobs;
    private final StatsService stats;

    public StartScheduledStatsFunction() {
        this(AppContext.get().stats().jobs(), AppContext.get().stats().service());
    }

    public StartScheduledStatsFunction(StatsJobService jobs, StatsService stats) {
        this.jobs = jobs;
        this.stats = stats;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        boolean closed = event != null && Boolean.TRUE.equals(event.get("closedYear"));
        int year = closed ? stats.currentYear() - 1 : stats.currentYear();
        return Map.of("executionId", jobs.start(year), "year", year);
    }
}
