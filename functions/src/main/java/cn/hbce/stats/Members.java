package cn.hbce.stats;

import java.util.Optional;

/** Professionals as the statistics count them: only APPROVED registrations, at the org they belong to now. */
public interface Members {

    record Member(String orgId, String titleSeries, String titleLevel) {
    }

    /** The person's org and title if their registration is APPROVED; empty otherwise. */
    Optional<Member> approved(String personId);
}
