package cn.hbce.org.subordinates;

import cn.hbce.account.AdminMembership;
import cn.hbce.org.OrgType;
import cn.hbce.common.paging.Page;
import java.util.List;
import java.util.Optional;

public interface SubordinateRepository {

    /** Orgs whose parent (or supervisor) is {@code parentOrgId}, optionally of one type and containing {@code text}. */
    Page<Subordinate> children(String parentOrgId, Optional<OrgType> type, Optional<String> text, int limit,
                               Optional<String> cursor);

    List<AdminMembership> seats(String orgId);

    /** Sets the seat's disabled flag; false if the seat does not exist. */
    boolean setSeatDisabled(String orgId, String adminId, boolean disabled);
}
