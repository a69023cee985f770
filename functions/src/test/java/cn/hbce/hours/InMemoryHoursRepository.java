package cn.hbce.hours;

import cn.hbce.common.paging.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link HoursRepository} in memory, with the same guards as the DynamoDB one; lists come in one page. */
final class InMemoryHoursRepository implements HoursRepository {
    final Map<String, HoursRecord> byId = new LinkedHashMap<>();
    final AtomicInteger putAllCalls = new AtomicInteger();

    @Override
    public synchronized boolean create(HoursRecord record) {
        return byId.putIfAbsent(record.recordId(), record) == null;
    }

    @Override
    public synchronized void putAll(Collection<HoursRecord> records) {
        putAllCalls.incrementAndGet();
        records.forEach(r -> byId.put(r.recordId(), r));
    }

    @Override
    public synchronized List<HoursRecord> ofPersonYear(String personId, int year) {
        return byId.values().stream().filter(r -> r.personId().equals(personId) && r.year() == year).toList();
    }

    @Override
    public synchronized List<HoursRecord> ofPerson(String personId) {
        return byId.values().stream().filter(r -> r.personId().equals(personId))
                .sorted(Comparator.comparingInt(HoursRecord::year).reversed()).toList();
    }

    @Override
    public synchronized Optional<HoursRecord> get(String recordId) {
        return Optional.ofNullable(byId.get(recordId));
    }

    @Override
    public synchronized boolean decide(String recordId, String reviewId, RecordStatus outcome, Instant at) {
        HoursRecord r = byId.get(recordId);
        if (r == null || r.status() != RecordStatus.PENDING || !reviewId.equals(r.reviewId())) {
            return false;
        }
        byId.put(recordId, with(r, outcome, at, null));
        return true;
    }

    @Override
    public synchronized Optional<RecordStatus> softDelete(String recordId, String reason, String deletedBy, Instant at) {
        HoursRecord r = byId.get(recordId);
        if (r == null || r.status() == RecordStatus.DELETED) {
            return Optional.empty();
        }
        byId.put(recordId, with(r, RecordStatus.DELETED, r.decidedAt(), reason));
        return Optional.of(r.status());
    }

    @Override
    public synchronized Page<HoursRecord> list(HoursQuery q) {
        List<HoursRecord> out = new ArrayList<>();
        for (HoursRecord r : byId.values()) {
            if (q.deptOrgIds().contains(r.deptOrgId()) && q.year().map(y -> y == r.year()).orElse(true)
                    && q.category().map(c -> c == r.category()).orElse(true)
                    && q.status().map(s -> s == r.status()).orElse(true)
                    && q.onlyUnitOrgId().map(u -> u.equals(r.unitOrgId())).orElse(true)
                    && q.text().map(t -> (r.name() + " " + r.title()).contains(t)).orElse(true)) {
                out.add(r);
            }
        }
        return new Page<>(out, null);
    }

    private static HoursRecord with(HoursRecord r, RecordStatus status, Instant decidedAt, String reason) {
        return new HoursRecord(r.recordId(), r.personId(), r.name(), r.idCardMasked(), r.unitOrgId(), r.unitName(),
                r.deptOrgId(), r.year(), r.category(), r.activityType(), r.title(), r.hours(), r.startDate(), r.endDate(),
                r.provider(), status, r.source(), r.reviewId(), r.declarationId(), r.evidenceFileIds(), r.createdAt(),
                decidedAt, reason);
    }
}
