package cn.hbce.certificates;

import cn.hbce.account.AccountRepository;
import cn.hbce.account.Person;
import cn.hbce.common.validation.IdCard;
import cn.hbce.org.Org;
import cn.hbce.org.OrgRepository;
import java.util.Optional;

/** Holders read from the person's profile and their registration's unit. */
public final class AccountHolders implements Holders {
    private final AccountRepository accounts;
    private final OrgRepository orgs;
    private final OrgPaths paths;

    public AccountHolders(AccountRepository accounts, OrgRepository orgs) {
        this.accounts = accounts;
        this.orgs = orgs;
        this.paths = new OrgPaths(orgs);
    }

    @Override
    public Optional<Holder> holder(String personId) {
        Optional<Person> person = accounts.person(personId);
        if (person.isEmpty() || person.get().registration() == null) {
            return Optional.empty();
        }
        Person p = person.get();
        String unitId = p.registration().orgId();
        Optional<Org> unit = orgs.get(unitId);
        Optional<String> path = paths.pathOf(unitId);
        if (unit.isEmpty() || path.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Holder(personId, p.name(), IdCard.mask(p.idCard()), unitId, unit.get().name(), path.get()));
    }

    @Override
    public Optional<String> currentUnit(String personId) {
        return accounts.person(personId).flatMap(p -> Optional.ofNullable(p.registration())).map(r -> r.orgId());
    }
}
