package cn.hbce.stats;

import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.Forbidden;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.domain.NotFound;
import cn.hbce.common.log.JsonLog;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Starts the statistics job (on request of the HRSS super admin, or from the schedule) and tells how
 * a run is going. Runs are named {@code stats-{year}-{yyyyMMddHHmmss}-{random}}: the name is the
 * {@code executionId} the API hands out; anything else is not one of ours (404).
 */
public final class StatsJobService {
    private static final Pattern NAME = Pattern.compile("stats-\\d{4}-\\d{14}-[a-z0-9]{6}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final SecureRandom RANDOM = new SecureRandom();
    private final StatsJobs jobs;
    private final AuditLog audit;
    private final Clock clock;
    private final int totalSegments;

    public StatsJobService(StatsJobs jobs, AuditLog audit, Clock clock, int totalSegments) {
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
        this.totalSegments = totalSegments;
    }

    /** POST /v1/stats/refresh: the HRSS super admin only. */
    public String refresh(Actor caller, Integer year, int currentYear, AuditContext meta) {
        if (!caller.superAdmin() || !"HRSS".equals(caller.userType())) {
            throw new Forbidden();
        }
        if (year == null || year < 2000 || year > currentYear) {
            throw Invalid.field("year");
        }
        String name = start(year);
        audit.record(new AuditRecord(clock.instant(), meta, "STATS_REFRESH", "STATS_JOB", name, AuditRecord.SUCCESS));
        return name;
    }

    /** Starts a run (schedule or request); returns its name. */
    public String start(int year) {
        Instant now = clock.instant();
        StringBuilder suffix = new StringBuilder();
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 6; i++) {
            suffix.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        String name = "stats-" + year + "-" + STAMP.format(now.atOffset(StatsService.CHINA)) + "-" + suffix;
        jobs.start(name, year, totalSegments);
        JsonLog.info("stats.job.started", "job", name, "segments", totalSegments);
        return name;
    }

    /** A run is the HRSS super admin's business: to anyone else it does not exist (404, like a wrong id). */
    public Map<String, Object> status(Actor caller, String executionId) {
        if (!caller.superAdmin() || !"HRSS".equals(caller.userType())) {
            throw new NotFound();
        }
        if (executionId == null || !NAME.matcher(executionId).matches()) {
            throw new NotFound();
        }
        StatsJobs.Status s = jobs.status(executionId).orElseThrow(NotFound::new);
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("executionId", executionId);
        out.put("status", s.status());
        out.put("year", s.year());
        out.put("startedAt", s.startedAt() == null ? null : s.startedAt().toString());
        out.put("finishedAt", s.finishedAt() == null ? null : s.finishedAt().toString());
        out.put("orgs", s.orgs());
        out.put("persons", s.persons());
        return out;
    }
}
