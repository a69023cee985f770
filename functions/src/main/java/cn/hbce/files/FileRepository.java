package cn.hbce.files;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The file records, one per fileId; every change of state is a conditional write on the one item. */
public interface FileRepository {

    /** Stores a new PENDING file; it is forgotten after {@code forgetAt} unless it gets attached. */
    void create(StoredFile file, Instant forgetAt);

    Optional<StoredFile> get(String fileId);

    /** The files that exist among {@code fileIds} (in no particular order; missing ones left out). */
    List<StoredFile> getAll(Collection<String> fileIds);

    /** PENDING → {@code next} (READY or REJECTED); false when it is no longer PENDING. */
    boolean settle(String fileId, FileStatus next, Instant now);

    /** The outcome of {@link #reserve}. */
    enum Reservation { RESERVED, ALREADY_MINE, TAKEN, NOT_READY }

    /**
     * Gives a READY file to its owner (status ATTACHED, still at its pending key); ALREADY_MINE when it
     * already belongs to this owner, TAKEN when to another, NOT_READY when it is not READY.
     */
    Reservation reserve(String fileId, String ownerKind, String ownerId, Instant now);

    /** Records that the attached file's bytes now live at {@code key} and it is no longer forgotten. */
    void moved(String fileId, String key, Instant now);

    /** Undoes a reservation of this owner (back to READY); nothing when it belongs to another. */
    void release(String fileId, String ownerKind, String ownerId, Instant now);
}
