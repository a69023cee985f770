package cn.hbce.stats;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What each person adds to the year counters, as last counted: one item per person and year naming
 * the org it was added to and the figures ({@code STATS#PERSON#{personId} / Y#{year}}). A recount
 * compares the person's figures of now with this item and bumps only the difference, after
 * replacing the item with a compare-and-set on its version: so a repeated or racing call adds
 * nothing twice, and a person who moved takes exactly what they added from the old org's chain.
 */
public interface Contributions {

    record Stored(String orgId, Figures figures, long version) {
    }

    /** The person-year's contribution (strongly consistent read), empty when nothing was ever counted. */
    Optional<Stored> get(String personId, int year);

    /**
     * Writes the contribution if the stored one is still at {@code expectedVersion} (0: absent);
     * false when another call changed it first (read again).
     */
    boolean replace(String personId, int year, long expectedVersion, String orgId, Figures figures, Instant at);

    /** The years the person has a contribution of. */
    List<Integer> years(String personId);

    /** Notes that a transfer's move of the person's LIVE figures was counted; false when it was already. */
    boolean markMoved(String personId, String transferId, Instant at);
}
