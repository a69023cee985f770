package cn.hbce.transfer;

import cn.hbce.common.paging.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Transfers, their timelines, and the two record lists (by sending and by receiving side), kept for
 * the deciding department of each side and every department above it.
 */
public interface TransferRepository {

    /**
     * Stores the transfer, listed for its two deciding departments and, as copies kept in step with
     * its status, for {@code sendersAbove} (the departments above the sending one, up to the root)
     * and {@code receiversAbove} (likewise for the receiving one).
     */
    void create(Transfer transfer, List<String> sendersAbove, List<String> receiversAbove);

    Optional<Transfer> get(String transferId);

    /**
     * PENDING → {@code outcome}; false when it had already ended (the one write that ends a transfer).
     * Either way the listed copies are then brought to the status the transfer has, so a repeated
     * call repairs copies an interrupted earlier call left behind.
     */
    boolean end(String transferId, TransferStatus outcome, Instant at, String failure);

    /** Adds the event unless this kind of event is already on the timeline (retries add it once); true when added. */
    boolean addEvent(String transferId, TransferEvent event);

    List<TransferEvent> events(String transferId);

    /** The department's records of one direction, newest first. */
    Page<Transfer> list(String deptOrgId, TransferQuery.Direction direction, TransferQuery query);
}
