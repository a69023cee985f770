package cn.hbce.hours;

import cn.hbce.common.paging.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Hours records, kept in their person's partition and listed per jurisdiction department. */
public interface HoursRepository {

    /** Stores a new record; false when one with this id exists. */
    boolean create(HoursRecord record);

    /** Writes many records at once, each as given (a repeated write of the same id replaces it with the same content). */
    void putAll(Collection<HoursRecord> records);

    /** Every record of the person and year, read consistently. */
    List<HoursRecord> ofPersonYear(String personId, int year);

    /** Every record of the person, newest year first (a person has a few dozen). */
    List<HoursRecord> ofPerson(String personId);

    Optional<HoursRecord> get(String recordId);

    /** PENDING → {@code outcome} if the record still belongs to this review; false otherwise (already applied, deleted). */
    boolean decide(String recordId, String reviewId, RecordStatus outcome, Instant at);

    /** Any status but DELETED → DELETED; returns the status it had, empty when it was already deleted or is gone. */
    Optional<RecordStatus> softDelete(String recordId, String reason, String deletedBy, Instant at);

    Page<HoursRecord> list(HoursQuery query);
}
