package cn.hbce.persons;

import cn.hbce.hours.YearTotals;

/**
 * A professional as the person query lists them: ID number and phone masked, never in full.
 * {@code yearHours} holds the approved hours of the year asked for (zero when the person has none),
 * and is null when no year was asked.
 */
public record PersonRow(String personId, String name, String idCardMasked, String phoneMasked, String unitOrgId,
                        String unitName, String titleSeries, String titleLevel, String status, YearTotals yearHours) {
}
