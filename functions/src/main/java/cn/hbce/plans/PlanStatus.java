package cn.hbce.plans;

import java.util.Optional;

/** Where a plan stands; a review that timed out leaves it REJECTED (not approved, may be submitted again). */
public enum PlanStatus {
    PENDING, APPROVED, REJECTED;

    public static Optional<PlanStatus> parse(String value) {
        for (PlanStatus s : values()) {
            if (s.name().equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
