package cn.hbce.devserver;

import cn.hbce.devserver.template.SamTemplate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The event EventBridge Scheduler/rules deliver to a scheduled function. */
final class ScheduledEvent {
    private ScheduledEvent() {
    }

    static String json(SamTemplate.Schedule schedule) {
        return "{\"version\":\"0\",\"id\":\"" + UUID.randomUUID() + "\",\"detail-type\":\"Scheduled Event\","
                + "\"source\":\"aws.events\",\"account\":\"000000000000\",\"time\":\""
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\",\"region\":\"" + LocalServices.REGION + "\","
                + "\"resources\":[\"arn:aws:events:" + LocalServices.REGION + ":000000000000:rule/"
                + schedule.functionId() + "-" + schedule.eventName() + "\"],\"detail\":{}}";
    }
}
