package cn.hbce.transfer;

import java.util.Optional;

/**
 * The person's records that the jurisdiction lists find by org — hours records (listed under a
 * department) and certificates (listed by org path) — moved with the person, so that after a
 * transfer the new side's lists show them and the old side's no longer do. Records stay in the
 * person's own partition; only where they are listed changes.
 *
 * <p>Work comes in bounded batches: each call changes at most {@code max} records after
 * {@code cursor} and says where the next call goes on, so a person with many records is moved by
 * several calls, each well within a function's timeout. Every change is conditional on the
 * transfer's mark on the record, so a repeated call (a retry) changes nothing twice.
 */
public interface RecordMoves {

    /** Where records are listed: the person's org, its name, and its deciding department. */
    record Place(String orgId, String orgName, String deptOrgId) {
    }

    /** What one call did: the records it changed, and the cursor of the next call (empty: nothing left). */
    record Batch(int changed, Optional<String> next) {
    }

    /** Lists the person's records at {@code to}, marking each with the transfer; records already marked are left alone. */
    Batch move(String personId, Place to, String transferId, Optional<String> cursor, int max);

    /** Undoes {@link #move}: the records marked with the transfer are listed at {@code back} again and unmarked. */
    Batch moveBack(String personId, Place back, String transferId, Optional<String> cursor, int max);
}
