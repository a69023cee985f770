package cn.hbce.testing.fakes;

import cn.hbce.files.FileRepository;
import cn.hbce.files.FileStatus;
import cn.hbce.files.StoredFile;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link FileRepository} in memory, with the conditions of {@code DynamoFileRepository} (status guards, one owner). */
public final class InMemoryFileRepository implements FileRepository {
    private final Map<String, StoredFile> files = new LinkedHashMap<>();
    private final Map<String, Instant> forgetAt = new LinkedHashMap<>();

    @Override
    public synchronized void create(StoredFile file, Instant forget) {
        if (files.putIfAbsent(file.fileId(), file) != null) {
            throw new IllegalStateException("file exists: " + file.fileId());
        }
        forgetAt.put(file.fileId(), forget);
    }

    @Override
    public synchronized Optional<StoredFile> get(String fileId) {
        return Optional.ofNullable(files.get(fileId));
    }

    @Override
    public synchronized List<StoredFile> getAll(Collection<String> fileIds) {
        return fileIds.stream().distinct().map(files::get).filter(Objects::nonNull).toList();
    }

    @Override
    public synchronized boolean settle(String fileId, FileStatus next, Instant now) {
        StoredFile f = files.get(fileId);
        if (f == null || f.status() != FileStatus.PENDING) {
            return false;
        }
        files.put(fileId, f.withStatus(next, now));
        return true;
    }

    @Override
    public synchronized Reservation reserve(String fileId, String ownerKind, String ownerId, Instant now) {
        StoredFile f = files.get(fileId);
        if (f != null && f.status() == FileStatus.READY) {
            files.put(fileId, new StoredFile(f.fileId(), f.purpose(), f.fileName(), f.contentType(), f.size(),
                    FileStatus.ATTACHED, f.uploaderPersonId(), f.uploaderOrgId(), f.key(), ownerKind, ownerId, f.createdAt(), now));
            forgetAt.remove(fileId);
            return Reservation.RESERVED;
        }
        if (f != null && f.status() == FileStatus.ATTACHED) {
            return f.attachedTo(ownerKind, ownerId) ? Reservation.ALREADY_MINE : Reservation.TAKEN;
        }
        return Reservation.NOT_READY;
    }

    @Override
    public synchronized void moved(String fileId, String key, Instant now) {
        StoredFile f = files.get(fileId);
        files.put(fileId, new StoredFile(f.fileId(), f.purpose(), f.fileName(), f.contentType(), f.size(), f.status(),
                f.uploaderPersonId(), f.uploaderOrgId(), key, f.ownerKind(), f.ownerId(), f.createdAt(), now));
    }

    @Override
    public synchronized void release(String fileId, String ownerKind, String ownerId, Instant now) {
        StoredFile f = files.get(fileId);
        if (f != null && f.status() == FileStatus.ATTACHED && f.attachedTo(ownerKind, ownerId)) {
            files.put(fileId, new StoredFile(f.fileId(), f.purpose(), f.fileName(), f.contentType(), f.size(),
                    FileStatus.READY, f.uploaderPersonId(), f.uploaderOrgId(), f.key(), null, null, f.createdAt(), now));
        }
    }

    /** When the record of a file is forgotten (absent once attached). */
    public synchronized Optional<Instant> forgetAt(String fileId) {
        return Optional.ofNullable(forgetAt.get(fileId));
    }
}
