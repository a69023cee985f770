package cn.hbce.org;

import java.util.List;
import java.util.Optional;

public interface OrgRepository {

    Optional<Org> get(String orgId);

    /** Reserves a credit code for an org; false when another org holds it. */
    boolean claimCreditCode(String creditCode, String orgId);

    void releaseCreditCode(String creditCode, String orgId);

    /** Stores a new org (and its name index entries when it is approved). */
    void create(Org org);

    /** Replaces the org if its stored version is {@code expectedVersion}; false when stale or gone. */
    boolean update(Org updated, long expectedVersion, Org before);

    /** PENDING → {@code outcome}; an approved org enters the name index. False if no longer pending. */
    boolean decideRegistration(String orgId, OrgStatus outcome);

    /** Approved orgs whose name contains {@code query}, at most {@code limit}. */
    List<OrgSummary> lookup(String query, Optional<OrgType> type, int limit);
}
