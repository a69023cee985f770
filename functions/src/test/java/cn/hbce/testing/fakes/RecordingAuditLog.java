package cn.hbce.testing.fakes;

import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link AuditLog} that keeps every record in order, for tests to read back what was audited. */
public final class RecordingAuditLog implements AuditLog {
    private final List<AuditRecord> records = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditRecord record) {
        records.add(record);
    }

    public List<AuditRecord> all() {
        return List.copyOf(records);
    }

    /** The records of one action, oldest first. */
    public List<AuditRecord> of(String action) {
        return records.stream().filter(r -> r.action().equals(action)).toList();
    }

    /** The results ({@code SUCCESS}, {@code FAILURE:CODE}) recorded for one action on one target. */
    public List<String> results(String action, String targetId) {
        return records.stream().filter(r -> r.action().equals(action) && r.targetId().equals(targetId))
                .map(AuditRecord::result).toList();
    }

    public void clear() {
        records.clear();
    }
}
