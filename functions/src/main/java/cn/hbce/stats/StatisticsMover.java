package cn.hbce.stats;

import cn.hbce.transfer.StatisticsTransfer;
import java.time.Clock;

/**
 * The transfer's MoveStatistics step: the person's contribution leaves the old org's subtree and
 * joins the new one. The person figures (registered, approved, title) move once per transfer: a
 * marker item taken with a conditional write lets a retried step skip them. Every year the person
 * has hours in is then recounted ({@link PersonYearCounter}): the person already sits at the new org,
 * so each year's figures leave the org they were added to and join the new one — a retry finds them
 * there already and adds nothing.
 */
public final class StatisticsMover implements StatisticsTransfer {
    private final Contributions contributions;
    private final Members members;
    private final LiveCounters live;
    private final PersonYearCounter years;
    private final Clock clock;

    public StatisticsMover(Contributions contributions, Members members, LiveCounters live, PersonYearCounter years,
                           Clock clock) {
        this.contributions = contributions;
        this.members = members;
        this.live = live;
        this.years = years;
        this.clock = clock;
    }

    @Override
    public void moveContribution(String personId, String fromOrgId, String toOrgId, String transferId) {
        // Only an APPROVED person is moved; anyone else was never counted as a member (the job agrees).
        members.approved(personId).ifPresent(member -> {
            if (contributions.markMoved(personId, transferId, clock.instant())) {
                live.personMoved(fromOrgId, toOrgId, member.titleSeries(), member.titleLevel());
            }
        });
        for (int year : contributions.years(personId)) {
            years.recount(personId, year);
        }
    }
}
