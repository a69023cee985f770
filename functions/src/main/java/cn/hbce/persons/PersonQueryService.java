package cn.hbce.persons;

import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.NotFound;
import cn.hbce.common.paging.CursorCodec;
import cn.hbce.common.paging.Page;
import java.util.List;
import java.util.Optional;

/**
 * 专技人员信息查询, minimal: the approved professionals of the caller's org and every org below it
 * (its jurisdiction), found by part of the name, ID numbers masked. The transfer's 调出 picks the
 * person here; the statistics issue extends it with titles, hours and compliance.
 */
public final class PersonQueryService {
    /** Orgs of one jurisdiction read per query; a province-wide query belongs to the statistics issue. */
    static final int MAX_ORGS = 2000;
    private final PersonDirectory directory;

    public PersonQueryService(PersonDirectory directory) {
        this.directory = directory;
    }

    public Page<PersonRow> list(Actor caller, Optional<String> q, Optional<String> unitOrgId, int limit, Optional<String> cursor) {
        String org = caller.requireOrg();
        List<PersonDirectory.OrgName> orgs = directory.subtree(org, MAX_ORGS);
        if (unitOrgId.isPresent()) {
            orgs = orgs.stream().filter(o -> o.orgId().equals(unitOrgId.get())).toList();
            if (orgs.isEmpty()) {
                throw new NotFound();
            }
        }
        String scope = CursorCodec.scope("persons", org, unitOrgId, q);
        return directory.approvedMembers(orgs, q, limit, cursor, scope);
    }
}
