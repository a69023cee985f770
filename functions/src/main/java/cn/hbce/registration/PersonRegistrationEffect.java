package cn.hbce.registration;

import cn.hbce.account.AccountRepository;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.review.Review;
import cn.hbce.counters.StatsEvents;
import cn.hbce.review.ReviewEffect;
import cn.hbce.review.ReviewStatus;

/** Approved professionals may log in; a rejected registration frees the ID number for a new one. */
public final class PersonRegistrationEffect implements ReviewEffect {
    private final AccountRepository accounts;
    private final StatsEvents stats;

    public PersonRegistrationEffect(AccountRepository accounts) {
        this(accounts, StatsEvents.NONE);
    }

    /** {@code stats} is told once per registration: only the call whose conditional write ended it counts. */
    public PersonRegistrationEffect(AccountRepository accounts, StatsEvents stats) {
        this.accounts = accounts;
        this.stats = stats;
    }

    @Override
    public void apply(Review review, ReviewStatus outcome) {
        String personId = review.subjectId();
        if (outcome == ReviewStatus.APPROVED) {
            if (accounts.decideRegistration(personId, RegistrationStatus.APPROVED)) {
                counted(review, true);
            }
        } else if (outcome == ReviewStatus.REJECTED || outcome == ReviewStatus.EXPIRED) {
            if (accounts.decideRegistration(personId, RegistrationStatus.REJECTED)) {
                counted(review, false);
            }
            accounts.person(personId).ifPresent(p -> accounts.markClaimRejected(p.idCard(), personId));
        }
    }

    private void counted(Review review, boolean approved) {
        Object org = review.subject().get("unitOrgId");
        if (org != null) {
            stats.registrationDecided(org.toString(), String.valueOf(review.subject().get("titleSeries")),
                    String.valueOf(review.subject().get("titleLevel")), approved);
        }
    }
}
