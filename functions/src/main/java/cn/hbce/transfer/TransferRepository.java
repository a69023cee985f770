package cn.hbce.transfer;

import cn.hbce.common.paging.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Transfers, their timelines, and the two record lists (by sending and by receiving department). */
public interface TransferRepository {

    void create(Transfer transfer);

    Optional<Transfer> get(String transferId);

    /** PENDING → {@code outcome}; false when it had already ended (the one write that ends a transfer). */
    boolean end(String transferId, TransferStatus outcome, Instant at, String failure);

    /** Adds the event unless this kind of event is already on the timeline (retries add it once); true when added. */
    boolean addEvent(String transferId, TransferEvent event);

    List<TransferEvent> events(String transferId);

    /** The department's records of one direction, newest first. */
    Page<Transfer> list(String deptOrgId, TransferQuery.Direction direction, TransferQuery query);
}
