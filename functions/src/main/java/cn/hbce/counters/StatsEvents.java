package cn.hbce.counters;

/**
 * The one call each feature makes when something counted changes: each bumps the live counters of
 * the org the person belongs to and of every ancestor (atomic ADD, no read-modify-write). Call it
 * only after the conditional write that made the change succeeded, so a retried request counts once.
 * Counters may still drift (a function stopped between the two writes); the statistics job
 * recomputes them exactly, and every answer says {@code asOf}.
 */
public interface StatsEvents {

    /** A professional registration was submitted (PENDING). */
    void personRegistered(String orgId, String titleSeries, String titleLevel);

    /** A PENDING registration ended: approved (counted by title) or refused (no longer registered). */
    void registrationDecided(String orgId, String titleSeries, String titleLevel, boolean approved);

    /** An approved person moved to another org (transfer): their figures leave one subtree for the other. */
    void personMoved(String fromOrgId, String toOrgId, String titleSeries, String titleLevel);

    /** An approved person's title changed (person change). */
    void titleChanged(String orgId, String fromSeries, String fromLevel, String toSeries, String toLevel);

    /** A submitted hours claim waits for review in {@code year} (call after the record was written). */
    void hoursClaimSubmitted(String orgId, int year);

    /**
     * A pending hours claim ended (approved, rejected, expired, or never started): call only when the
     * guarded write that ended it succeeded. Its approved hours, compliance and certificates are not
     * counted here but by the person-year recount the hours change listener runs.
     */
    void hoursClaimClosed(String orgId, int year);

    /** Counts nothing: for unit tests and wiring that keeps no statistics. */
    StatsEvents NONE = new StatsEvents() {
        @Override
        public void personRegistered(String orgId, String titleSeries, String titleLevel) {
        }

        @Override
        public void registrationDecided(String orgId, String titleSeries, String titleLevel, boolean approved) {
        }

        @Override
        public void personMoved(String fromOrgId, String toOrgId, String titleSeries, String titleLevel) {
        }

        @Override
        public void titleChanged(String orgId, String fromSeries, String fromLevel, String toSeries, String toLevel) {
        }

        @Override
        public void hoursClaimSubmitted(String orgId, int year) {
        }

        @Override
        public void hoursClaimClosed(String orgId, int year) {
        }
    };
}
