package cn.hbce.devserver.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.hbce.devserver.Schedules;
import cn.hbce.devserver.gateway.FunctionHost;
import cn.hbce.devserver.template.SamTemplate;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulesTest {

    private static SamTemplate template() throws URISyntaxException {
        return SamTemplate.load(Path.of(SchedulesTest.class.getResource("/schedules/template.yaml").toURI()));
    }

    @Test
    void readsScheduleAndScheduleV2Events() throws Exception {
        List<SamTemplate.Schedule> schedules = template().schedules();
        assertEquals(2, schedules.size());
        assertEquals("cron(0 16 * * ? *)", schedules.get(0).expression());
        assertEquals("cron(0 1 1 1 ? *)", schedules.get(1).expression());
    }

    @Test
    void firingDeliversAnEventBridgeEventOrTheConfiguredInput() throws Exception {
        SamTemplate template = template();
        Schedules schedules = new Schedules(template, new FunctionHost(template.functions()));
        CountingJob.EVENTS.clear();
        assertEquals("{\"seen\":1}", schedules.fire("CountingJob.Nightly"));
        Map<String, Object> event = CountingJob.EVENTS.get(0);
        assertEquals("Scheduled Event", event.get("detail-type"));
        assertEquals("aws.events", event.get("source"));
        schedules.fire("CountingJob.Yearly");
        assertEquals(Map.of("scope", "year"), CountingJob.EVENTS.get(1));
        assertThrows(IllegalArgumentException.class, () -> schedules.fire("NoSuchJob"));
    }
}
