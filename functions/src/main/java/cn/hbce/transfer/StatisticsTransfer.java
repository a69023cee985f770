package cn.hbce.transfer;

/**
 * The statistics side of a transfer: moves the person's contribution (registered person, hours,
 * certificates of each year) from the old org's subtree to the new one. Implemented by the
 * statistics feature ({@code cn.hbce.stats.StatisticsMover}); the transfer's MoveStatistics step
 * calls it, retried, so it is idempotent per transfer.
 */
public interface StatisticsTransfer {

    /** Must be idempotent per {@code transferId}: the workflow retries it. */
    void moveContribution(String personId, String fromOrgId, String toOrgId, String transferId);

    /** Moves nothing: for tests of the workflow that leave statistics out. */
    StatisticsTransfer NONE = (personId, fromOrgId, toOrgId, transferId) -> { };
}
