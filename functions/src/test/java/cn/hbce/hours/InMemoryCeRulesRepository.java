package cn.hbce.hours;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

final class InMemoryCeRulesRepository implements CeRulesRepository {
    private final Map<Integer, CeRules> stored = new HashMap<>();

    @Override
    public Optional<CeRules> get(int year) {
        return Optional.ofNullable(stored.get(year));
    }

    @Override
    public void put(CeRules rules) {
        stored.put(rules.year(), rules);
    }
}
