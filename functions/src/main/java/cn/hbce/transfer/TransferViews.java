package cn.hbce.transfer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** How transfers look in the API (调转记录 and its detail). */
final class TransferViews {
    private TransferViews() {
    }

    record OrgRef(String orgId, String name, String decidingOrgId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ListItem(String transferId, String reviewId, TransferStatus status, String personId, String name,
                    String idCardMasked, OrgRef from, OrgRef to, String effectiveDate, Instant createdAt, Instant endedAt) {
        static ListItem of(Transfer t) {
            return new ListItem(t.transferId(), t.reviewId(), t.status(), t.personId(), (String) t.person().get("name"),
                    (String) t.person().get("idCardMasked"), new OrgRef(t.fromOrgId(), t.fromOrgName(), t.fromDeptId()),
                    new OrgRef(t.toOrgId(), t.toOrgName(), t.toDeptId()), t.effectiveDate(), t.createdAt(), t.endedAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Event(String event, Instant at, String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Detail(String transferId, String reviewId, TransferStatus status, String personId, Map<String, Object> person,
                  OrgRef from, OrgRef to, String reason, String effectiveDate, Instant createdAt, Instant endedAt,
                  String failure, List<Event> timeline) {
        static Detail of(TransferService.Detail d) {
            Transfer t = d.transfer();
            return new Detail(t.transferId(), t.reviewId(), t.status(), t.personId(), t.person(),
                    new OrgRef(t.fromOrgId(), t.fromOrgName(), t.fromDeptId()), new OrgRef(t.toOrgId(), t.toOrgName(), t.toDeptId()),
                    t.reason(), t.effectiveDate(), t.createdAt(), t.endedAt(), t.failure(),
                    d.timeline().stream().map(e -> new Event(e.event(), e.at(), e.note())).toList());
        }
    }
}
