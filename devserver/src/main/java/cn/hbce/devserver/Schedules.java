package cn.hbce.devserver;

import cn.hbce.devserver.gateway.FunctionHost;
import cn.hbce.devserver.template.SamTemplate;

/** Fires the template's scheduled functions on demand, with the event EventBridge would deliver. */
public final class Schedules {
    private final SamTemplate template;
    private final FunctionHost functions;

    public Schedules(SamTemplate template, FunctionHost functions) {
        this.template = template;
        this.functions = functions;
    }

    /** {@code name} is the function's logical id, or {@code FunctionId.EventName}; returns the function's JSON answer. */
    public String fire(String name) throws Exception {
        SamTemplate.Schedule schedule = template.schedules().stream()
                .filter(s -> s.functionId().equals(name) || (s.functionId() + "." + s.eventName()).equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No schedule for " + name));
        String payload = schedule.input() != null ? String.valueOf(schedule.input()) : ScheduledEvent.json(schedule);
        return functions.invokeJson(schedule.functionId(), payload);
    }
}
