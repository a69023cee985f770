package cn.hbce.org;

import java.util.List;
import java.util.Optional;

public interface OrgRepository {

    Optional<Org> get(String orgId);

    /**
     * The org with its parent's name, as {@code GET /v1/org} shows it. The DynamoDB store keeps the
     * name on the org item and answers in one read; this default (for stores that do not) reads twice.
     */
    default Optional<OrgView> view(String orgId) {
        return get(orgId).map(org -> OrgView.of(org,
                org.parentOrgId() == null ? null : get(org.parentOrgId()).map(Org::name).orElse(null)));
    }

    /** Reserves a credit code for an org; false when another org holds it. */
    boolean claimCreditCode(String creditCode, String orgId);

    void releaseCreditCode(String creditCode, String orgId);

    /** Stores a new org (and its name index entries when it is approved). */
    void create(Org org);

    /** Writes the org's info fields if its stored version is {@code expectedVersion}; false when stale or gone. */
    boolean update(Org updated, long expectedVersion, Org before);

    /** Marks the org as having a change of this kind under review; false if one is already pending. */
    boolean reservePending(String orgId, PendingChange kind, String reviewId);

    /** Clears the mark if it is still this review's. */
    void releasePending(String orgId, PendingChange kind, String reviewId);

    /** Applies an approved info change once (the mark is the guard); false if already applied or gone. */
    boolean applyInfoChange(String orgId, String reviewId, OrgInfo after);

    /** Moves the org under a new parent once (the mark is the guard); false if already applied or gone. */
    boolean applyMove(String orgId, String reviewId, String newParentOrgId);

    /** PENDING → {@code outcome}; an approved org enters the name index. False if no longer pending. */
    boolean decideRegistration(String orgId, OrgStatus outcome);

    /** Approved orgs whose name contains {@code query}, at most {@code limit}. */
    List<OrgSummary> lookup(String query, Optional<OrgType> type, int limit);
}
