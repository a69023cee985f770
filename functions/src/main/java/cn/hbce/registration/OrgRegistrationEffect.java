package cn.hbce.registration;

import cn.hbce.org.OrgRepository;
import cn.hbce.org.OrgStatus;
import cn.hbce.review.Review;
import cn.hbce.review.ReviewEffect;
import cn.hbce.review.ReviewStatus;

/** An approved org leaves the ORG_NOT_APPROVED gate and becomes findable; a rejected one frees its credit code. */
public final class OrgRegistrationEffect implements ReviewEffect {
    private final OrgRepository orgs;

    public OrgRegistrationEffect(OrgRepository orgs) {
        this.orgs = orgs;
    }

    @Override
    public void apply(Review review, ReviewStatus outcome) {
        String orgId = review.subjectId();
        if (outcome == ReviewStatus.APPROVED) {
            orgs.decideRegistration(orgId, OrgStatus.APPROVED);
        } else if (outcome == ReviewStatus.REJECTED || outcome == ReviewStatus.EXPIRED) {
            orgs.decideRegistration(orgId, OrgStatus.REJECTED);
            orgs.get(orgId).ifPresent(org -> orgs.releaseCreditCode(org.creditCode(), orgId));
        }
    }
}
