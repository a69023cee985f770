package cn.hbce.hours;

/**
 * Where an hours record stands. Only APPROVED hours count toward a year; PENDING ones count toward
 * the caps of activity types (so two claims cannot together pass a cap); REJECTED and DELETED count nowhere.
 */
public enum RecordStatus {
    PENDING, APPROVED, REJECTED, DELETED;

    public static java.util.Optional<RecordStatus> parse(String value) {
        for (RecordStatus s : values()) {
            if (s.name().equals(value)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }

    /** Counts toward an activity type's yearly cap. */
    public boolean live() {
        return this == PENDING || this == APPROVED;
    }
}
