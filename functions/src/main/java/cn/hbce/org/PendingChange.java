package cn.hbce.org;

/** Changes of an org that wait for review; at most one of each kind at a time. */
public enum PendingChange {
    INFO("pendingInfoChange"),
    SUPERIOR("pendingSuperiorChange");

    private final String attribute;

    PendingChange(String attribute) {
        this.attribute = attribute;
    }

    public String attribute() {
        return attribute;
    }
}
