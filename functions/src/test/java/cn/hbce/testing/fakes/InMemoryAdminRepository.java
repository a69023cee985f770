package cn.hbce.testing.fakes;

import cn.hbce.account.AdminMembership;
import cn.hbce.account.Person;
import cn.hbce.common.paging.CursorCodec;
import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import cn.hbce.org.admins.AdminRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link AdminRepository} over the {@link FakeTable} (the seats and pointers registration writes
 * through {@code AccountRepository}), with the conditions of {@code DynamoAdminRepository}: one
 * pointer per person and org, taken over only from the stale seat it names; seat changes
 * conditional on the seat's own role, super flag, disabled flag and hand-over mark.
 */
public final class InMemoryAdminRepository implements AdminRepository {
    private final FakeTable t;
    /** The role a promoted seat held, until whoever finishes the hand-over takes it (the seat's promotedFromRole). */
    private final java.util.Map<String, Optional<String>> promotedFrom = new java.util.HashMap<>();

    public InMemoryAdminRepository(FakeTable table) {
        this.t = table;
    }

    @Override
    public Page<AdminMembership> seats(String orgId, PageRequest page) {
        List<AdminMembership> all;
        synchronized (t.lock) {
            all = seatsOf(orgId).values().stream().map(FakeTable.SeatRow::seat).toList();
        }
        String scope = CursorCodec.scope("org-items", "ORG#" + orgId, "ADMIN#");
        return FakePages.readAhead(all, AdminMembership::adminId, scope, page.limit(), page.cursor());
    }

    @Override
    public Optional<AdminMembership> seat(String orgId, String adminId) {
        synchronized (t.lock) {
            return row(orgId, adminId).map(FakeTable.SeatRow::seat);
        }
    }

    @Override
    public Map<String, Person> people(Collection<String> personIds) {
        synchronized (t.lock) {
            Map<String, Person> out = new HashMap<>();
            for (String id : personIds) {
                Person p = t.people.get(id);
                if (p != null) {
                    out.put(id, p);
                }
            }
            return out;
        }
    }

    @Override
    public Optional<Pointer> pointer(String personId, String orgId) {
        synchronized (t.lock) {
            return Optional.ofNullable(pointersOf(personId).get(orgId)).map(p -> new Pointer(p.adminId(), p.createdAt()));
        }
    }

    @Override
    public boolean claimPointer(AdminMembership seat, Instant now) {
        t.faults.check("AdminRepository.claimPointer");
        synchronized (t.lock) {
            TreeMap<String, FakeTable.PointerRow> mine = pointersOf(seat.personId());
            if (mine.containsKey(seat.orgId())) {
                return false;
            }
            mine.put(seat.orgId(), new FakeTable.PointerRow(seat.adminId(), seat.orgType(), now));
            return true;
        }
    }

    @Override
    public boolean takeOverPointer(AdminMembership seat, String staleAdminId, Instant now) {
        synchronized (t.lock) {
            TreeMap<String, FakeTable.PointerRow> mine = pointersOf(seat.personId());
            FakeTable.PointerRow p = mine.get(seat.orgId());
            if (p == null || !p.adminId().equals(staleAdminId)) {
                return false;
            }
            mine.put(seat.orgId(), new FakeTable.PointerRow(seat.adminId(), seat.orgType(), now));
            return true;
        }
    }

    @Override
    public void deletePointer(String personId, String orgId, String adminId) {
        synchronized (t.lock) {
            TreeMap<String, FakeTable.PointerRow> mine = pointersOf(personId);
            FakeTable.PointerRow p = mine.get(orgId);
            if (p != null && p.adminId().equals(adminId)) {
                mine.remove(orgId);
            }
        }
    }

    @Override
    public void createSeat(AdminMembership seat, Instant now) {
        t.faults.check("AdminRepository.createSeat");
        synchronized (t.lock) {
            TreeMap<String, FakeTable.SeatRow> ofOrg = seatsOf(seat.orgId());
            if (ofOrg.containsKey(seat.adminId())) {
                throw FakeTable.conditionFailed("seat " + seat.adminId() + " exists");
            }
            ofOrg.put(seat.adminId(), new FakeTable.SeatRow(seat, now, null));
        }
    }

    @Override
    public boolean changeRole(String orgId, String adminId, String expectedRoleId, String roleId) {
        synchronized (t.lock) {
            FakeTable.SeatRow r = row(orgId, adminId).orElse(null);
            if (r == null || r.seat().superAdmin()
                    || !(expectedRoleId == null ? r.seat().roleId() == null : expectedRoleId.equals(r.seat().roleId()))) {
                return false;
            }
            AdminMembership s = r.seat();
            seatsOf(orgId).put(adminId, r.with(new AdminMembership(s.adminId(), s.orgId(), s.orgType(), s.personId(), roleId,
                    false, s.disabled())));
            return true;
        }
    }

    @Override
    public Optional<AdminMembership> deleteSeat(String orgId, String adminId) {
        synchronized (t.lock) {
            FakeTable.SeatRow r = row(orgId, adminId).orElse(null);
            if (r == null || r.seat().superAdmin()) {
                return Optional.empty();
            }
            seatsOf(orgId).remove(adminId);
            return Optional.of(r.seat());
        }
    }

    @Override
    public boolean startHandover(String orgId, String superAdminId, String targetAdminId, Instant now) {
        synchronized (t.lock) {
            FakeTable.SeatRow r = row(orgId, superAdminId).orElse(null);
            if (r == null || !r.seat().superAdmin() || (r.handoverTo() != null && !r.handoverTo().equals(targetAdminId))) {
                return false;
            }
            seatsOf(orgId).put(superAdminId, new FakeTable.SeatRow(r.seat(), r.createdAt(), targetAdminId));
            return true;
        }
    }

    @Override
    public void cancelHandover(String orgId, String superAdminId, String targetAdminId) {
        synchronized (t.lock) {
            FakeTable.SeatRow r = row(orgId, superAdminId).orElse(null);
            if (r != null && targetAdminId.equals(r.handoverTo())) {
                seatsOf(orgId).put(superAdminId, new FakeTable.SeatRow(r.seat(), r.createdAt(), null));
            }
        }
    }

    @Override
    public Optional<AdminMembership> promote(String orgId, String adminId) {
        t.faults.check("AdminRepository.promote");
        synchronized (t.lock) {
            FakeTable.SeatRow r = row(orgId, adminId).orElse(null);
            if (r == null || r.seat().superAdmin() || r.seat().disabled()) {
                return Optional.empty();
            }
            AdminMembership s = r.seat();
            seatsOf(orgId).put(adminId, r.with(new AdminMembership(s.adminId(), s.orgId(), s.orgType(), s.personId(), null,
                    true, false)));
            promotedFrom.put(orgId + "/" + adminId, Optional.ofNullable(s.roleId()));
            return Optional.of(s);
        }
    }

    @Override
    public Optional<String> takePromotedRole(String orgId, String adminId) {
        t.faults.check("AdminRepository.takePromotedRole");
        synchronized (t.lock) {
            Optional<String> role = promotedFrom.remove(orgId + "/" + adminId);
            return role == null ? Optional.empty() : role;
        }
    }

    @Override
    public boolean deleteHandedOverSeat(String orgId, String superAdminId, String targetAdminId) {
        t.faults.check("AdminRepository.deleteHandedOverSeat");
        synchronized (t.lock) {
            FakeTable.SeatRow r = row(orgId, superAdminId).orElse(null);
            if (r == null || !r.seat().superAdmin() || !targetAdminId.equals(r.handoverTo())) {
                return false;
            }
            seatsOf(orgId).remove(superAdminId);
            return true;
        }
    }

    private Optional<FakeTable.SeatRow> row(String orgId, String adminId) {
        return Optional.ofNullable(t.seats.getOrDefault(orgId, new TreeMap<>()).get(adminId));
    }

    private TreeMap<String, FakeTable.SeatRow> seatsOf(String orgId) {
        return t.seats.computeIfAbsent(orgId, k -> new TreeMap<>());
    }

    private TreeMap<String, FakeTable.PointerRow> pointersOf(String personId) {
        return t.pointers.computeIfAbsent(personId, k -> new TreeMap<>());
    }
}
