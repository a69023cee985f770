package cn.hbce.transfer;

/**
 * The statistics side of a transfer: moves the person's contribution (registered person, hours,
 * certificates of each year) from the old org's subtree to the new one. There are no statistics
 * counters yet; the statistics issue implements this port (the transfer's MoveStatistics step
 * already calls it, retried and idempotent per transfer) and replaces {@link #NONE_YET}.
 */
public interface StatisticsTransfer {

    /** Must be idempotent per {@code transferId}: the workflow retries it. */
    void moveContribution(String personId, String fromOrgId, String toOrgId, String transferId);

    /** Nothing to move while no counters exist. */
    StatisticsTransfer NONE_YET = (personId, fromOrgId, toOrgId, transferId) -> { };
}
