package cn.hbce.hours;

import java.util.Optional;

/** Stored yearly rules (absent until HRSS stores a year's). */
public interface CeRulesRepository {

    Optional<CeRules> get(int year);

    void put(CeRules rules);
}
