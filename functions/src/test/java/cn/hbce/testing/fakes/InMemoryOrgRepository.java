package cn.hbce.testing.fakes;

import cn.hbce.org.Org;
import cn.hbce.org.OrgInfo;
import cn.hbce.org.OrgRepository;
import cn.hbce.org.OrgStatus;
import cn.hbce.org.OrgSummary;
import cn.hbce.org.OrgType;
import cn.hbce.org.PendingChange;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@link OrgRepository} over the {@link FakeTable}, with the conditions of {@code DynamoOrgRepository}:
 * a credit code claimed once; info written only at the expected version; at most one pending
 * change of each kind, applied once by the review that holds the mark; registration decided only
 * from PENDING; lookup finds approved orgs only. Kept honest by {@code OrgRepositoryContract}.
 */
public final class InMemoryOrgRepository implements OrgRepository {
    private final FakeTable t;

    public InMemoryOrgRepository(FakeTable table) {
        this.t = table;
    }

    @Override
    public Optional<Org> get(String orgId) {
        synchronized (t.lock) {
            return Optional.ofNullable(t.orgs.get(orgId)).map(FakeTable.OrgRow::org);
        }
    }

    @Override
    public boolean claimCreditCode(String creditCode, String orgId) {
        synchronized (t.lock) {
            return t.creditClaims.putIfAbsent(creditCode, orgId) == null;
        }
    }

    @Override
    public void releaseCreditCode(String creditCode, String orgId) {
        synchronized (t.lock) {
            t.creditClaims.remove(creditCode, orgId);
        }
    }

    @Override
    public void create(Org org) {
        t.faults.check("OrgRepository.create");
        synchronized (t.lock) {
            if (t.orgs.containsKey(org.orgId())) {
                throw FakeTable.conditionFailed("org " + org.orgId() + " exists");
            }
            t.orgs.put(org.orgId(), new FakeTable.OrgRow(org, null, null));
        }
    }

    @Override
    public boolean update(Org updated, long expectedVersion, Org before) {
        t.faults.check("OrgRepository.update");
        synchronized (t.lock) {
            FakeTable.OrgRow row = t.orgs.get(updated.orgId());
            if (row == null || row.org().version() != expectedVersion) {
                return false;
            }
            t.orgs.put(updated.orgId(), new FakeTable.OrgRow(withInfo(row.org(), OrgInfo.of(updated)), row.pendingInfo(),
                    row.pendingSuperior()));
            return true;
        }
    }

    @Override
    public boolean reservePending(String orgId, PendingChange kind, String reviewId) {
        synchronized (t.lock) {
            FakeTable.OrgRow row = t.orgs.get(orgId);
            if (row == null || mark(row, kind) != null) {
                return false;
            }
            t.orgs.put(orgId, withMark(row, kind, reviewId));
            return true;
        }
    }

    @Override
    public void releasePending(String orgId, PendingChange kind, String reviewId) {
        synchronized (t.lock) {
            FakeTable.OrgRow row = t.orgs.get(orgId);
            if (row != null && reviewId.equals(mark(row, kind))) {
                t.orgs.put(orgId, withMark(row, kind, null));
            }
        }
    }

    @Override
    public boolean applyInfoChange(String orgId, String reviewId, OrgInfo after) {
        synchronized (t.lock) {
            FakeTable.OrgRow row = t.orgs.get(orgId);
            if (row == null || !reviewId.equals(row.pendingInfo())) {
                return false;
            }
            t.orgs.put(orgId, new FakeTable.OrgRow(withInfo(row.org(), after), null, row.pendingSuperior()));
            return true;
        }
    }

    @Override
    public boolean applyMove(String orgId, String reviewId, String newParentOrgId) {
        synchronized (t.lock) {
            FakeTable.OrgRow row = t.orgs.get(orgId);
            if (row == null || !reviewId.equals(row.pendingSuperior())) {
                return false;
            }
            Org o = row.org();
            t.orgs.put(orgId, new FakeTable.OrgRow(new Org(o.orgId(), o.type(), o.name(), o.creditCode(), newParentOrgId,
                    o.status(), o.contactPhone(), o.regionCode(), o.address(), o.version() + 1, o.createdAt(),
                    t.clock.instant()), row.pendingInfo(), null));
            return true;
        }
    }

    @Override
    public boolean decideRegistration(String orgId, OrgStatus outcome) {
        synchronized (t.lock) {
            FakeTable.OrgRow row = t.orgs.get(orgId);
            if (row == null || row.org().status() != OrgStatus.PENDING) {
                return false;
            }
            Org o = row.org();
            t.orgs.put(orgId, new FakeTable.OrgRow(new Org(o.orgId(), o.type(), o.name(), o.creditCode(), o.parentOrgId(),
                    outcome, o.contactPhone(), o.regionCode(), o.address(), o.version(), o.createdAt(), o.updatedAt()),
                    row.pendingInfo(), row.pendingSuperior()));
            return true;
        }
    }

    /** Per type in declaration order, then by id: the order the name index partitions are read in. */
    @Override
    public List<OrgSummary> lookup(String query, Optional<OrgType> type, int limit) {
        synchronized (t.lock) {
            return t.orgs.values().stream().map(FakeTable.OrgRow::org)
                    .filter(Org::approved)
                    .filter(o -> type.map(o.type()::equals).orElse(true))
                    .filter(o -> o.name().contains(query))
                    .sorted(Comparator.comparing(Org::type).thenComparing(Org::orgId))
                    .limit(limit)
                    .map(o -> new OrgSummary(o.orgId(), o.name(), o.type()))
                    .toList();
        }
    }

    private Org withInfo(Org o, OrgInfo info) {
        return new Org(o.orgId(), o.type(), info.name(), o.creditCode(), o.parentOrgId(), o.status(), info.contactPhone(),
                info.regionCode(), info.address(), o.version() + 1, o.createdAt(), t.clock.instant());
    }

    private static String mark(FakeTable.OrgRow row, PendingChange kind) {
        return kind == PendingChange.INFO ? row.pendingInfo() : row.pendingSuperior();
    }

    private static FakeTable.OrgRow withMark(FakeTable.OrgRow row, PendingChange kind, String reviewId) {
        return kind == PendingChange.INFO ? new FakeTable.OrgRow(row.org(), reviewId, row.pendingSuperior())
                : new FakeTable.OrgRow(row.org(), row.pendingInfo(), reviewId);
    }
}
