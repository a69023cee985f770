package cn.hbce.hours;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

final class FakeRegistrants implements Registrants {
    final Map<String, Registrant> byPerson = new HashMap<>();

    Registrant add(Registrant r) {
        byPerson.put(r.personId(), r);
        return r;
    }

    @Override
    public Map<String, Registrant> byIdCards(Collection<String> idCards) {
        Map<String, Registrant> out = new HashMap<>();
        byPerson.values().stream().filter(r -> idCards.contains(r.idCard())).forEach(r -> out.put(r.idCard(), r));
        return out;
    }

    @Override
    public Optional<Registrant> byPersonId(String personId) {
        return Optional.ofNullable(byPerson.get(personId));
    }
}
