package cn.hbce.org;

import cn.hbce.review.Review;
import cn.hbce.review.ReviewEffect;
import cn.hbce.review.ReviewStatus;
import java.util.Map;

/** What approved org changes do; every outcome clears the org's pending mark. */
public final class OrgChangeEffects {
    private OrgChangeEffects() {
    }

    /** ORG_CHANGE: the reviewed "after" values become the org's info. */
    public static ReviewEffect infoChange(OrgRepository orgs) {
        return (Review review, ReviewStatus outcome) -> {
            if (outcome == ReviewStatus.APPROVED) {
                @SuppressWarnings("unchecked")
                Map<String, Object> after = (Map<String, Object>) review.detail().get("after");
                orgs.applyInfoChange(review.subjectId(), review.reviewId(), new OrgInfo(str(after, "name"),
                        str(after, "contactPhone"), str(after, "regionCode"), str(after, "address")));
            }
            orgs.releasePending(review.subjectId(), PendingChange.INFO, review.reviewId());
        };
    }

    /** SUPERIOR_CHANGE: the org (and so everything below it) moves under the new parent. */
    public static ReviewEffect superiorChange(OrgRepository orgs) {
        return (Review review, ReviewStatus outcome) -> {
            if (outcome == ReviewStatus.APPROVED) {
                orgs.applyMove(review.subjectId(), review.reviewId(), String.valueOf(review.subject().get("newParentOrgId")));
            }
            orgs.releasePending(review.subjectId(), PendingChange.SUPERIOR, review.reviewId());
        };
    }

    private static String str(Map<String, Object> map, String key) {
        Object v = map.get(key);
        return v == null ? null : v.toString();
    }
}
