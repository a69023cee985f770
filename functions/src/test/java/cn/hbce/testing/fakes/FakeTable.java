package cn.hbce.testing.fakes;

import cn.hbce.account.AdminMembership;
import cn.hbce.account.LoginGuard;
import cn.hbce.account.Person;
import cn.hbce.account.Session;
import cn.hbce.org.Org;
import cn.hbce.org.departments.Department;
import cn.hbce.org.roles.Role;
import cn.hbce.review.Review;
import cn.hbce.review.ReviewStep;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The single table behind the fakes. Several ports read the same items on DynamoDB (a seat is
 * written by registration through {@code AccountRepository}, listed by {@code AdminRepository},
 * disabled by {@code SubordinateRepository}), so the fakes share this state instead of keeping
 * copies that could drift. Every read and conditional write of a fake runs under {@link #lock}:
 * one item's condition and update happen as one step, as on the table, whatever the thread count.
 * Maps keyed by id are sorted where the table's sort key orders a list.
 */
public final class FakeTable {
    final Object lock = new Object();
    final TestClock clock;
    final Faults faults;

    /** {@code PERSON#id / PROFILE}. */
    final Map<String, Person> people = new HashMap<>();
    /** {@code IDCARD#number / CLAIM}. */
    final Map<String, IdClaim> idClaims = new HashMap<>();
    /** {@code CREDIT#code / CLAIM}: the org holding it. */
    final Map<String, String> creditClaims = new HashMap<>();
    /** {@code ORG#id / META}, with the pending-change marks. */
    final Map<String, OrgRow> orgs = new HashMap<>();
    /** {@code ORG#org / ADMIN#adminId}, per org in adminId order. */
    final Map<String, TreeMap<String, SeatRow>> seats = new HashMap<>();
    /** {@code PERSON#person / ADMINOF#org}, per person in org order. */
    final Map<String, TreeMap<String, PointerRow>> pointers = new HashMap<>();
    /** {@code ORG#org / ROLE#roleId}. */
    final Map<String, TreeMap<String, Role>> roles = new HashMap<>();
    /** {@code ORG#org / DEPT#deptId} and {@code ORG#org / DEPTNAME#key}. */
    final Map<String, TreeMap<String, Department>> departments = new HashMap<>();
    final Map<String, Map<String, NameClaimRow>> departmentNames = new HashMap<>();
    /** {@code SESSION#person / sid}. */
    final Map<String, LinkedHashMap<String, Session>> sessions = new HashMap<>();
    /** {@code LOGINIP#address / FAILURES}. */
    final Map<String, LoginGuard> sourceWindows = new HashMap<>();
    /** {@code REVIEW#id / META} and {@code REVIEW#id / STEP#stage#org}. */
    final Map<String, Review> reviews = new HashMap<>();
    final Map<String, TreeMap<String, ReviewStep>> steps = new HashMap<>();

    record IdClaim(String personId, boolean rejected) {
    }

    record OrgRow(Org org, String pendingInfo, String pendingSuperior) {
    }

    record SeatRow(AdminMembership seat, Instant createdAt, String handoverTo) {
        SeatRow with(AdminMembership changed) {
            return new SeatRow(changed, createdAt, handoverTo);
        }
    }

    record PointerRow(String adminId, String orgType, Instant createdAt) {
    }

    record NameClaimRow(String deptId, Instant claimedAt) {
    }

    public FakeTable(TestClock clock) {
        this.clock = clock;
        this.faults = new Faults();
    }

    public Faults faults() {
        return faults;
    }

    /** What a failed {@code attribute_not_exists} put raises on the table: the write did not happen. */
    static IllegalStateException conditionFailed(String what) {
        return new IllegalStateException("The conditional request failed: " + what);
    }
}
