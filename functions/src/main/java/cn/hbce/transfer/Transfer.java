package cn.hbce.transfer;

import java.time.Instant;
import java.util.Map;

/**
 * A transfer (人员调转) of a professional from one org to another. {@code person} is the copy of the
 * person's information taken when the sending department submitted it (自动覆盖), masked; the
 * sending side is the person's org then ({@code fromOrgId}) and its deciding department
 * ({@code fromDeptId}), the receiving side the chosen org and its deciding department, which
 * decides the TRANSFER_IN review {@code reviewId}.
 */
public record Transfer(
        String transferId,
        String reviewId,
        TransferStatus status,
        String personId,
        Map<String, Object> person,
        String fromOrgId,
        String fromOrgName,
        String fromDeptId,
        String toOrgId,
        String toOrgName,
        String toDeptId,
        String reason,
        String effectiveDate,
        String requestedBy,
        Instant createdAt,
        Instant endedAt,
        String failure) {

    /** What the record list shows of the person (name, masked ID number) for searching. */
    public String searchText() {
        return person.getOrDefault("name", "") + " " + person.getOrDefault("idCardMasked", "") + " " + fromOrgName + " " + toOrgName;
    }
}
