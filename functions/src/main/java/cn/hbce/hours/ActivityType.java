package cn.hbce.hours;

/**
 * A kind of continuing-education activity of a year's rules: how it converts to 学时
 * ({@code hoursPerUnit}: a claim must be a whole number of units, e.g. 40 per passed exam; absent
 * for activities counted by the hour) and how much of it counts per year ({@code maxHoursPerYear},
 * absent for no cap).
 */
public record ActivityType(String code, String name, String unit, Double hoursPerUnit, Double maxHoursPerYear) {
}
