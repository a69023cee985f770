package cn.hbce.hours;

/**
 * The requirement of a year's continuing-education rules, as stored (or the defaults for the
 * current and previous year when nobody has stored any). Certificates and the annual status read
 * it through this port so that they never depend on how rules are kept.
 */
public interface CeRulesReader {

    YearRequirement requirementFor(int year);
}
