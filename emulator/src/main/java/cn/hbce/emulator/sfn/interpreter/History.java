package cn.hbce.emulator.sfn.interpreter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The append-only event history of one execution; ids start at 1. */
public final class History {

    private final List<HistoryEvent> events;
    private final Clock clock;

    public History(Clock clock, List<HistoryEvent> restored) {
        this.clock = clock;
        this.events = new ArrayList<>(restored);
    }

    public synchronized HistoryEvent append(String type, long previousEventId, ObjectNode details) {
        HistoryEvent event = new HistoryEvent(events.size() + 1L, previousEventId, clock.instant(), type, details);
        events.add(event);
        return event;
    }

    public synchronized List<HistoryEvent> snapshot() {
        return List.copyOf(events);
    }

    public synchronized long lastId() {
        return events.size();
    }
}
