package cn.hbce.registration;

import cn.hbce.account.AccountRepository;
import cn.hbce.account.Person;
import cn.hbce.org.OrgRepository;
import cn.hbce.org.OrgStatus;
import cn.hbce.review.Review;
import cn.hbce.review.ReviewEffect;
import cn.hbce.review.ReviewStatus;

/**
 * An approved org leaves the ORG_NOT_APPROVED gate and becomes findable. A rejected one frees its
 * credit code, and its first admin's ID number when that person holds nothing else, so the org can
 * register again with the same people.
 */
public final class OrgRegistrationEffect implements ReviewEffect {
    private final OrgRepository orgs;
    private final AccountRepository accounts;

    public OrgRegistrationEffect(OrgRepository orgs, AccountRepository accounts) {
        this.orgs = orgs;
        this.accounts = accounts;
    }

    @Override
    public void apply(Review review, ReviewStatus outcome) {
        String orgId = review.subjectId();
        if (outcome == ReviewStatus.APPROVED) {
            orgs.decideRegistration(orgId, OrgStatus.APPROVED);
        } else if (outcome == ReviewStatus.REJECTED || outcome == ReviewStatus.EXPIRED) {
            orgs.decideRegistration(orgId, OrgStatus.REJECTED);
            orgs.get(orgId).ifPresent(org -> orgs.releaseCreditCode(org.creditCode(), orgId));
            Object adminPersonId = review.detail() == null ? null : review.detail().get("adminPersonId");
            if (adminPersonId != null) {
                accounts.person(adminPersonId.toString()).filter(p -> holdsOnly(p, orgId))
                        .ifPresent(p -> accounts.markClaimRejected(p.idCard(), p.personId()));
            }
        }
    }

    private boolean holdsOnly(Person person, String orgId) {
        return person.registration() == null
                && accounts.membershipsOf(person.personId()).stream().allMatch(m -> m.orgId().equals(orgId));
    }
}
