package cn.hbce.hours;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

final class InMemoryDeclarationRepository implements DeclarationRepository {
    private final Map<String, Declaration> stored = new HashMap<>();

    @Override
    public synchronized void create(Declaration d) {
        stored.put(d.declarationId(), d);
    }

    @Override
    public synchronized Optional<Declaration> get(String declarationId) {
        return Optional.ofNullable(stored.get(declarationId));
    }

    @Override
    public synchronized boolean markApplied(String declarationId) {
        Declaration d = stored.get(declarationId);
        if (d == null || d.applied()) {
            return false;
        }
        stored.put(declarationId, new Declaration(d.declarationId(), d.orgId(), d.orgName(), d.year(), d.category(),
                d.activityType(), d.courseTitle(), d.hours(), d.startDate(), d.endDate(), d.planId(), d.trainees(),
                d.reviewId(), d.declaredBy(), d.declaredAt(), true));
        return true;
    }
}
