package cn.hbce.testing.fakes;

import cn.hbce.account.AdminMembership;
import cn.hbce.common.paging.CursorCodec;
import cn.hbce.common.paging.Page;
import cn.hbce.org.Org;
import cn.hbce.org.OrgType;
import cn.hbce.org.subordinates.Subordinate;
import cn.hbce.org.subordinates.SubordinateRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link SubordinateRepository} over the {@link FakeTable}: the orgs whose parent is the given org
 * (the GSI1 partition {@code CHILD#parent}, sorted by {@code type#orgId}), and the seats of an org.
 */
public final class InMemorySubordinateRepository implements SubordinateRepository {
    private final FakeTable t;

    public InMemorySubordinateRepository(FakeTable table) {
        this.t = table;
    }

    @Override
    public Page<Subordinate> children(String parentOrgId, Optional<OrgType> type, Optional<String> text, int limit,
                                      Optional<String> cursor) {
        List<Org> children;
        synchronized (t.lock) {
            children = t.orgs.values().stream().map(FakeTable.OrgRow::org)
                    .filter(o -> parentOrgId != null && parentOrgId.equals(o.parentOrgId()))
                    .filter(o -> type.map(o.type()::equals).orElse(true))
                    .filter(o -> text.map(o.name()::contains).orElse(true))
                    .sorted(Comparator.comparing(FakeSort::childKey))
                    .toList();
        }
        String scope = CursorCodec.scope("subordinates", "CHILD#" + parentOrgId, type, text);
        Page<Org> page = FakePages.fullPageCursor(children, FakeSort::childKey, scope, limit, cursor, false);
        return page.withItems(page.items().stream().map(o -> new Subordinate(o.orgId(), o.name(), o.type(), o.status(),
                o.creditCode(), o.contactPhone())).toList());
    }

    @Override
    public List<AdminMembership> seats(String orgId) {
        synchronized (t.lock) {
            return t.seats.getOrDefault(orgId, new TreeMap<>()).values().stream().map(FakeTable.SeatRow::seat).toList();
        }
    }

    @Override
    public boolean setSeatDisabled(String orgId, String adminId, boolean disabled) {
        synchronized (t.lock) {
            TreeMap<String, FakeTable.SeatRow> ofOrg = t.seats.get(orgId);
            FakeTable.SeatRow r = ofOrg == null ? null : ofOrg.get(adminId);
            if (r == null) {
                return false;
            }
            AdminMembership s = r.seat();
            ofOrg.put(adminId, r.with(new AdminMembership(s.adminId(), s.orgId(), s.orgType(), s.personId(), s.roleId(),
                    s.superAdmin(), disabled)));
            return true;
        }
    }

    /** Sort keys of the indexes the adapters read. */
    static final class FakeSort {
        private FakeSort() {
        }

        static String childKey(Org o) {
            return o.type().name() + "#" + o.orgId();
        }
    }
}
