package cn.hbce.review;

/** Where a review, or one org's step of it, stands. CANCELLED: another decider rejected first. */
public enum ReviewStatus {
    PENDING, APPROVED, REJECTED, EXPIRED, CANCELLED, FAILED;

    public static java.util.Optional<ReviewStatus> valueOfOptional(String value) {
        for (ReviewStatus s : values()) {
            if (s.name().equals(value)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }

    public boolean open() {
        return this == PENDING;
    }
}
