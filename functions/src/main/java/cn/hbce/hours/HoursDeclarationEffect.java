package cn.hbce.hours;

import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.log.JsonLog;
import cn.hbce.review.Review;
import cn.hbce.review.ReviewEffect;
import cn.hbce.review.ReviewStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The end of an approved HOURS_DECLARATION: one APPROVED record per accepted trainee, written in
 * batches of 25 (BatchWriteItem). The ids are derived from the declaration and the person
 * ({@link RecordIds#forDeclaration}), so a retried apply writes the same items again instead of new
 * ones; the declaration is marked applied only after every record is in, and once marked a retry
 * writes nothing (a record deleted meanwhile stays deleted). The listener is then told of every
 * trainee, a few at a time, on every attempt (it is idempotent).
 */
public final class HoursDeclarationEffect implements ReviewEffect {
    private static final ExecutorService LISTENERS = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "hours-listener");
        t.setDaemon(true);
        return t;
    });
    private final DeclarationRepository declarations;
    private final HoursRepository records;
    private final HoursChangeListener listener;
    private final AuditLog audit;
    private final Clock clock;

    public HoursDeclarationEffect(DeclarationRepository declarations, HoursRepository records,
                                  HoursChangeListener listener, AuditLog audit, Clock clock) {
        this.declarations = declarations;
        this.records = records;
        this.listener = listener;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void apply(Review review, ReviewStatus outcome) {
        if (outcome != ReviewStatus.APPROVED) {
            return;
        }
        String declarationId = String.valueOf(review.detail().get("declarationId"));
        Declaration d = declarations.get(declarationId)
                .orElseThrow(() -> new IllegalStateException("review " + review.reviewId() + " names no declaration"));
        Instant now = clock.instant();
        AuditContext system = AuditContext.system("workflow");
        if (!d.applied()) {
            List<HoursRecord> out = new ArrayList<>();
            for (Declaration.Trainee t : d.trainees()) {
                out.add(new HoursRecord(RecordIds.forDeclaration(d.year(), d.declarationId(), t.personId()), t.personId(),
                        t.name(), t.idCardMasked(), t.unitOrgId(), t.unitName(), t.deptOrgId(), d.year(), d.category(),
                        d.activityType(), d.courseTitle(), d.hours(), d.startDate(), d.endDate(), d.orgName(),
                        RecordStatus.APPROVED, RecordSource.DECLARATION, d.reviewId(), d.declarationId(), List.of(),
                        d.declaredAt(), now, null));
            }
            records.putAll(out);
            if (declarations.markApplied(declarationId)) {
                audit.record(new AuditRecord(now, system, "APPLY_HOURS_DECLARATION", "HOURS_DECLARATION", declarationId,
                        AuditRecord.SUCCESS + ":" + out.size()));
                JsonLog.info("hours.declaration.applied", "declarationId", declarationId, "records", out.size());
            }
        }
        Set<String> persons = new LinkedHashSet<>();
        d.trainees().forEach(t -> persons.add(t.personId()));
        List<CompletableFuture<Void>> told = new ArrayList<>();
        for (String personId : persons) {
            told.add(CompletableFuture.runAsync(() -> listener.approvedHoursChanged(personId, d.year(), system), LISTENERS));
        }
        try {
            CompletableFuture.allOf(told.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
