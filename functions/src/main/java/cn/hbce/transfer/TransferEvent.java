package cn.hbce.transfer;

import java.time.Instant;

/** One line of a transfer's timeline; each kind of event happens at most once per transfer. */
public record TransferEvent(String event, Instant at, String byPersonId, String note) {
    public static final String REQUESTED = "REQUESTED";
    public static final String CANCEL_REQUESTED = "CANCEL_REQUESTED";
    public static final String PERSON_MOVED = "PERSON_MOVED";
    public static final String PERSON_MOVED_BACK = "PERSON_MOVED_BACK";
    public static final String STATISTICS_MOVED = "STATISTICS_MOVED";
    /** The person's hours records and certificates are listed at the new org. */
    public static final String RECORDS_MOVED = "RECORDS_MOVED";
    /** The failure branch listed them at the old org again. */
    public static final String RECORDS_MOVED_BACK = "RECORDS_MOVED_BACK";
    public static final String HISTORY_RECORDED = "HISTORY_RECORDED";
}
