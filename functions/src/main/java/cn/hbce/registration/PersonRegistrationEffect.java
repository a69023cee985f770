package cn.hbce.registration;

import cn.hbce.account.AccountRepository;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.review.Review;
import cn.hbce.review.ReviewEffect;
import cn.hbce.review.ReviewStatus;

/** Approved professionals may log in; a rejected registration frees the ID number for a new one. */
public final class PersonRegistrationEffect implements ReviewEffect {
    private final AccountRepository accounts;

    public PersonRegistrationEffect(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public void apply(Review review, ReviewStatus outcome) {
        String personId = review.subjectId();
        if (outcome == ReviewStatus.APPROVED) {
            accounts.decideRegistration(personId, RegistrationStatus.APPROVED);
        } else if (outcome == ReviewStatus.REJECTED || outcome == ReviewStatus.EXPIRED) {
            accounts.decideRegistration(personId, RegistrationStatus.REJECTED);
            accounts.person(personId).ifPresent(p -> accounts.markClaimRejected(p.idCard(), personId));
        }
    }
}
