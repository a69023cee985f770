package cn.hbce.persons;

/** A professional as the person query lists them: ID number masked, never in full. */
public record PersonRow(String personId, String name, String idCardMasked, String unitOrgId, String unitName,
                        String titleSeries, String titleLevel, String status) {
}
