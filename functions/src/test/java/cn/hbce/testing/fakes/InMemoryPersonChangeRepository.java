package cn.hbce.testing.fakes;

import cn.hbce.account.Person;
import cn.hbce.account.PersonRegistration;
import cn.hbce.change.ChangeStatus;
import cn.hbce.change.PersonChange;
import cn.hbce.change.PersonChangeRepository;
import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link PersonChangeRepository} over the {@link FakeTable}'s people, with the conditions of
 * {@code DynamoPersonChangeRepository}: one pending mark per person, decisions only from PENDING,
 * title values written only at the expected version and once per review.
 */
public final class InMemoryPersonChangeRepository implements PersonChangeRepository {
    private final FakeTable t;
    private final Map<String, String> pending = new HashMap<>();
    private final Map<String, String> lastApplied = new HashMap<>();
    private final Map<String, PersonChange> requests = new HashMap<>();

    public InMemoryPersonChangeRepository(FakeTable table) {
        this.t = table;
    }

    @Override
    public boolean reservePending(String personId, String reviewId) {
        synchronized (t.lock) {
            if (!t.people.containsKey(personId) || pending.containsKey(personId)) {
                return false;
            }
            pending.put(personId, reviewId);
            return true;
        }
    }

    @Override
    public void releasePending(String personId, String reviewId) {
        synchronized (t.lock) {
            pending.remove(personId, reviewId);
        }
    }

    @Override
    public void save(PersonChange change) {
        t.faults.check("PersonChangeRepository.save");
        synchronized (t.lock) {
            if (requests.putIfAbsent(change.reviewId(), change) != null) {
                throw FakeTable.conditionFailed("change " + change.reviewId());
            }
        }
    }

    @Override
    public void discard(PersonChange change) {
        synchronized (t.lock) {
            requests.remove(change.reviewId());
        }
    }

    @Override
    public boolean decide(String personId, Instant submittedAt, String reviewId, ChangeStatus status, String comment,
                          Instant at) {
        synchronized (t.lock) {
            PersonChange c = requests.get(reviewId);
            if (c == null || c.status() != ChangeStatus.PENDING) {
                return false;
            }
            requests.put(reviewId, new PersonChange(c.reviewId(), c.personId(), status, c.changes(), c.reason(), c.files(),
                    c.submittedAt(), at, comment));
            return true;
        }
    }

    @Override
    public java.util.Optional<PersonChange> request(String personId, String reviewId) {
        synchronized (t.lock) {
            return java.util.Optional.ofNullable(requests.get(reviewId)).filter(c -> c.personId().equals(personId));
        }
    }

    @Override
    public Page<PersonChange> requests(String personId, PageRequest page) {
        synchronized (t.lock) {
            List<PersonChange> mine = new ArrayList<>(requests.values().stream().filter(c -> c.personId().equals(personId))
                    .toList());
            mine.sort(Comparator.comparing(PersonChange::submittedAt).thenComparing(PersonChange::reviewId).reversed());
            return FakePages.readAhead(mine, c -> c.submittedAt().toEpochMilli() + "#" + c.reviewId(),
                    "person-changes:" + personId, page.limit(), page.cursor());
        }
    }

    @Override
    public Applied applyTitle(String personId, long expectedVersion, String reviewId, Map<String, String> values) {
        synchronized (t.lock) {
            Person p = t.people.get(personId);
            if (reviewId.equals(lastApplied.get(personId))) {
                return Applied.ALREADY_APPLIED;
            }
            if (p == null || p.version() != expectedVersion) {
                return Applied.STALE;
            }
            PersonRegistration r = p.registration();
            PersonRegistration changed = new PersonRegistration(r.orgId(), r.status(),
                    values.getOrDefault("titleSeries", r.titleSeries()), values.getOrDefault("titleLevel", r.titleLevel()),
                    r.gender(), r.education(), r.major(), values.getOrDefault("titleObtainedOn", r.titleObtainedOn()));
            t.people.put(personId, new Person(p.personId(), p.idCard(), p.name(), p.phone(), p.passwordHash(), changed,
                    p.disabled(), p.mustChangePassword(), p.guard(), p.version() + 1, p.createdAt()));
            lastApplied.put(personId, reviewId);
            return Applied.APPLIED;
        }
    }

    /** Test hook: another edit of the person (bumps the version), as a concurrent writer would. */
    public void touch(String personId) {
        synchronized (t.lock) {
            Person p = t.people.get(personId);
            t.people.put(personId, new Person(p.personId(), p.idCard(), p.name(), p.phone(), p.passwordHash(),
                    p.registration(), p.disabled(), p.mustChangePassword(), p.guard(), p.version() + 1, p.createdAt()));
        }
    }
}
