package cn.hbce.common.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** 423: the account is locked after too many wrong passwords. */
public final class Locked extends Refusal {

    public Locked() {
        this(Reason.ACCOUNT_LOCKED);
    }

    public Locked(Reason reason) {
        this(reason, List.of());
    }

    public Locked(Reason reason, List<String> fields) {
        super(reason, fields);
    }

    /** Locked until {@code until}: the answer's {@code details} are {@code [{lockedUntil}]} (China time, ISO-8601). */
    public static Locked until(Instant until) {
        return new Locked(Reason.ACCOUNT_LOCKED, List.of(), List.of(Map.of("lockedUntil",
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(until.atOffset(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS)))));
    }

    private Locked(Reason reason, List<String> fields, List<Map<String, Object>> details) {
        super(reason, fields, details);
    }
}
