package cn.hbce.stats;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The statistics state machine (statemachines/stats.asl.json). */
public interface StatsJobs {

    /** Starts a run named {@code name} over {@code totalSegments} scan segments. */
    void start(String name, int year, int totalSegments);

    record Status(String status, Instant startedAt, Instant finishedAt, Integer orgs, Long persons, Integer year) {
    }

    Optional<Status> status(String name);

    /** Segment numbers 0..n-1: the Map state's items. */
    static List<Integer> segments(int totalSegments) {
        return java.util.stream.IntStream.range(0, totalSegments).boxed().toList();
    }
}
