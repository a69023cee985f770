package cn.hbce.files;

/**
 * Where a file is in its life: PENDING (an upload URL was issued), READY (the bytes were checked),
 * ATTACHED (it belongs to one thing and lives under its final key), REJECTED (the bytes did not
 * match the declaration and were deleted).
 */
public enum FileStatus {
    PENDING, READY, ATTACHED, REJECTED
}
