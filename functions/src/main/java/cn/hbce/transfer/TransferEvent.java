package cn.hbce.transfer;

import java.time.Instant;

/** One line of a transfer's timeline; each kind of event happens at most once per transfer. */
public record TransferEvent(String event, Instant at, String byPersonId, String note) {
    public static final String REQUESTED = "REQUESTED";
    public static final String CANCEL_REQUESTED = "CANCEL_REQUESTED";
    public static final String PERSON_MOVED = "PERSON_MOVED";
    public static final String PERSON_MOVED_BACK = "PERSON_MOVED_BACK";
    public static final String STATISTICS_MOVED = "STATISTICS_MOVED";
    public static final String HISTORY_RECORDED = "HISTORY_RECORDED";
}
